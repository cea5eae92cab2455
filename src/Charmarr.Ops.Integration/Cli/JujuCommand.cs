namespace Charmarr.Ops.Integration.Cli;

/// <summary>One invocation of the <c>juju</c> CLI: its arguments (without the binary) and what to write to its stdin.</summary>
/// <param name="Arguments">The argument vector after the binary, e.g. <c>status --model m --format json</c>.</param>
/// <param name="StandardInput">Text written to the command's stdin, then closed; <see langword="null"/> for none.</param>
public sealed record JujuCommand(IReadOnlyList<string> Arguments, string? StandardInput = null)
{
    /// <summary>The command as a person would type it (<c>juju status --model m</c>), for messages.</summary>
    /// <returns>The command line, each argument quoted when it holds a space.</returns>
    public override string ToString() =>
        "juju " + string.Join(' ', Arguments.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
