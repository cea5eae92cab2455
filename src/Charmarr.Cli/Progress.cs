using System.Diagnostics;

namespace Charmarr.Cli;

/// <summary>Shows what the tool is doing: a step per line, and for long steps the seconds spent so far (redrawn in place on
/// a terminal, a line every ten seconds otherwise).</summary>
internal sealed class Progress(TextWriter output, bool interactive)
{
    /// <summary>Writes to the console, redrawing in place when standard output is a terminal.</summary>
    public static Progress Console { get; } = new(System.Console.Out, !System.Console.IsOutputRedirected);

    public void Step(string text) => output.WriteLine($"» {text}");

    public async Task WhileAsync(string text, Task work)
    {
        var clock = Stopwatch.StartNew();
        if (!interactive)
        {
            output.WriteLine($"» {text} …");
        }

        var lastLine = 0L;
        while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(250))) != work)
        {
            var seconds = (long)clock.Elapsed.TotalSeconds;
            if (interactive)
            {
                output.Write($"\r» {text} … {seconds}s");
            }
            else if (seconds >= lastLine + 10)
            {
                lastLine = seconds;
                output.WriteLine($"  … {seconds}s");
            }
        }

        await work;
        var done = $"» {text}: done in {clock.Elapsed.TotalSeconds:0.0}s";
        output.WriteLine(interactive ? $"\r{done}   " : done);
    }
}
