namespace Charmarr.Ops.Integration.Cli;

/// <summary>What a <c>juju</c> command answered.</summary>
/// <param name="ExitCode">The process exit code (0 = success).</param>
/// <param name="StandardOutput">Everything it printed on stdout.</param>
/// <param name="StandardError">Everything it printed on stderr.</param>
public sealed record JujuCommandResult(int ExitCode, string StandardOutput, string StandardError);
