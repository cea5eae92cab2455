namespace Charmarr.Ops.HookTools;

/// <summary>Runs one Juju hook tool and hands back everything it printed.</summary>
internal interface IHookToolRunner
{
    /// <summary>Runs <paramref name="tool"/> with <paramref name="args"/>, feeding it <paramref name="stdin"/> (stdin is closed either way).</summary>
    /// <param name="tool">The tool's name, e.g. <c>relation-get</c>; looked up on <c>PATH</c>.</param>
    /// <param name="args">The arguments, without the tool name.</param>
    /// <param name="stdin">Text for standard input, or <see langword="null"/> for none.</param>
    /// <returns>The exit code and the complete output.</returns>
    /// <exception cref="Backend.JujuModelException">The tool could not be found or started.</exception>
    HookToolResult Run(string tool, IReadOnlyList<string> args, string? stdin);
}

/// <summary>What a hook tool did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Stdout">Everything it wrote to standard output.</param>
/// <param name="Stderr">Everything it wrote to standard error.</param>
internal sealed record HookToolResult(int ExitCode, string Stdout, string Stderr);
