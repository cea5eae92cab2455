namespace Charmarr.Ops.Testing.Juju.HookTools;

/// <summary>One hook-tool call a charm process made, as the <see cref="HookToolSocketServer"/> answered it.</summary>
/// <param name="ContextId">The hook context it was made in.</param>
/// <param name="Tool">The tool, e.g. <c>relation-get</c>.</param>
/// <param name="Args">Its arguments.</param>
/// <param name="Stdin">What it sent on stdin, when the tool read it (<c>--file -</c>).</param>
/// <param name="ExitCode">The exit code it got.</param>
/// <param name="Stdout">What it printed.</param>
/// <param name="Stderr">What it printed on stderr.</param>
public sealed record HookToolCall(string ContextId, string Tool, IReadOnlyList<string> Args, string? Stdin, int ExitCode, string Stdout, string Stderr);
