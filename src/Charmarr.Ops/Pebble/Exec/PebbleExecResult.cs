namespace Charmarr.Ops.Pebble;

/// <summary>A finished command and what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Its standard output (with standard error when combined), decoded as UTF-8.</param>
/// <param name="Stderr">Its standard error, decoded as UTF-8; null when combined into standard output.</param>
public sealed record PebbleExecResult(int ExitCode, string Stdout, string? Stderr);
