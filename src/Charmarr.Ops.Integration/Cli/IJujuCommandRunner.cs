namespace Charmarr.Ops.Integration.Cli;

/// <summary>
/// Runs <c>juju</c> commands. <see cref="ProcessJujuCommandRunner"/> starts the real binary; tests inject their own to
/// answer argv from recorded output.
/// </summary>
public interface IJujuCommandRunner
{
    /// <summary>Runs one command to its end and returns what it printed, whatever its exit code.</summary>
    /// <param name="command">The arguments and stdin.</param>
    /// <param name="cancellationToken">Stops the command (the process is killed).</param>
    /// <returns>The exit code and output.</returns>
    Task<JujuCommandResult> RunAsync(JujuCommand command, CancellationToken cancellationToken = default);
}
