namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>The last lines a container's Pebble printed (its own log and its services' output), for error messages.</summary>
internal sealed class PebbleProcessOutput
{
    private const int Kept = 40;
    private readonly Queue<string> lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > Kept)
            {
                lines.Dequeue();
            }
        }
    }

    public string Tail(int count = 12)
    {
        lock (lines)
        {
            return string.Join("\n", lines.Skip(Math.Max(0, lines.Count - count)).Select(l => "    " + l));
        }
    }
}
