namespace Charmarr.Ops.Testing.Pebble;

/// <summary>What an exec handler is asked to run, after Pebble's service-context merge and defaults.</summary>
/// <param name="Command">The argv.</param>
/// <param name="Environment">The final environment (defaults, then the service context's, then the request's).</param>
/// <param name="WorkingDir">The working directory.</param>
/// <param name="UserId">The uid it runs as, if set.</param>
/// <param name="User">The user name, if set.</param>
/// <param name="GroupId">The gid, if set.</param>
/// <param name="Group">The group name, if set.</param>
/// <param name="Timeout">The exec timeout, if any (the handler's token is cancelled when it expires).</param>
/// <param name="Stdin">The client's stdin as it arrives; reading it to the end waits for the client to close stdin,
/// so a handler that never reads it runs at once, like a command that ignores its stdin.</param>
/// <param name="ServiceContext">The service whose context was merged, if any.</param>
public sealed record ExecRequest(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDir,
    int? UserId,
    string? User,
    int? GroupId,
    string? Group,
    TimeSpan? Timeout,
    Stream Stdin,
    string? ServiceContext)
{
    /// <summary>Reads stdin to its end (until the client closes it).</summary>
    public async Task<byte[]> ReadStdinAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Stdin.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Reads stdin to its end as UTF-8 text.</summary>
    public async Task<string> ReadStdinTextAsync(CancellationToken cancellationToken = default) =>
        System.Text.Encoding.UTF8.GetString(await ReadStdinAsync(cancellationToken).ConfigureAwait(false));
}

/// <summary>What a simulated command did: its exit code and output.</summary>
/// <param name="ExitCode">The exit code (non-zero is not a change error).</param>
/// <param name="Stdout">Bytes written to stdout.</param>
/// <param name="Stderr">Bytes written to stderr (sent on stdout when the client combines them).</param>
public sealed record ExecResult(int ExitCode, ReadOnlyMemory<byte> Stdout, ReadOnlyMemory<byte> Stderr)
{
    /// <summary>A command that exits with <paramref name="exitCode"/> and prints the given UTF-8 text.</summary>
    public static ExecResult FromText(int exitCode, string stdout = "", string stderr = "") =>
        new(exitCode, System.Text.Encoding.UTF8.GetBytes(stdout), System.Text.Encoding.UTF8.GetBytes(stderr));
}

/// <summary>Simulates one command; the token is cancelled on timeout, abort, or a SIGKILL/SIGTERM from the client.</summary>
/// <param name="request">The command and its context.</param>
/// <param name="cancellationToken">Cancelled when the process would be killed.</param>
/// <returns>The command's exit code and output.</returns>
public delegate Task<ExecResult> ExecHandler(ExecRequest request, CancellationToken cancellationToken);

/// <summary>A command the charm ran in a container, as Pebble resolved it.</summary>
/// <param name="Command">The argv.</param>
/// <param name="UserId">The uid it ran as, if set.</param>
/// <param name="GroupId">The gid it ran as, if set.</param>
/// <param name="WorkingDir">The working directory.</param>
/// <param name="Environment">The final environment.</param>
/// <param name="ServiceContext">The service whose context was merged, if any.</param>
public sealed record ExecCall(
    IReadOnlyList<string> Command,
    int? UserId,
    int? GroupId,
    string WorkingDir,
    IReadOnlyDictionary<string, string> Environment,
    string? ServiceContext);
