namespace Charmarr.Cli;

/// <summary>The tool's arguments: positionals and <c>--name value</c> options, each consumed once.</summary>
internal sealed class CommandLine
{
    private readonly List<string> positionals = [];
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[arg[..eq]] = arg[(eq + 1)..];
                }
                else
                {
                    options[arg] = e.MoveNext() ? e.Current : throw new CliException($"{arg} needs a value");
                }
            }
            else
            {
                positionals.Add(arg);
            }
        }
    }

    private int used;

    public string Positional(int index, string what, string usage)
    {
        used = Math.Max(used, index + 1);
        return index < positionals.Count ? positionals[index] : throw new CliException($"missing {what}\nusage: {usage}");
    }

    public string? OptionalPositional(int index)
    {
        used = Math.Max(used, index + 1);
        return index < positionals.Count ? positionals[index] : null;
    }

    public string? Option(string name) => options.Remove(name, out var value) ? value : null;

    public void ThrowIfUnused(string usage)
    {
        var extra = positionals.Skip(used).Concat(options.Keys).ToList();
        if (extra.Count > 0)
        {
            throw new CliException($"unexpected {string.Join(" ", extra)}\nusage: {usage}");
        }
    }
}
