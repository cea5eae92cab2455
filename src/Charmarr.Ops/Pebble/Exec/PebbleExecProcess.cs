using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// A command started with exec. Write to <see cref="Stdin"/> and close it with <see cref="CloseStdinAsync"/>; read
/// <see cref="Stdout"/> and <see cref="Stderr"/> as they arrive; then wait. Dispose it to release its connections.
/// </summary>
public abstract class PebbleExecProcess : IAsyncDisposable
{
    /// <summary>Creates the process handle.</summary>
    /// <param name="request">The request that started it.</param>
    /// <param name="changeId">The exec change's id.</param>
    /// <param name="taskId">The exec task's id.</param>
    protected PebbleExecProcess(PebbleExecRequest request, string changeId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        ChangeId = changeId;
        TaskId = taskId;
    }

    /// <summary>The request that started it.</summary>
    public PebbleExecRequest Request { get; }

    /// <summary>The exec change's id.</summary>
    public string ChangeId { get; }

    /// <summary>The exec task's id.</summary>
    public string TaskId { get; }

    /// <summary>The command's standard input.</summary>
    public abstract Stream Stdin { get; }

    /// <summary>The command's standard output (and standard error when combined); ends when the command closes it.</summary>
    public abstract Stream Stdout { get; }

    /// <summary>The command's standard error; null when combined into <see cref="Stdout"/>.</summary>
    public abstract Stream? Stderr { get; }

    /// <summary>Ends the command's standard input (it reads end-of-file).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the end has been sent.</returns>
    public abstract Task CloseStdinAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to the command.</summary>
    /// <param name="signal">A signal name such as <c>SIGTERM</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the signal has been sent.</returns>
    public abstract Task SendSignalAsync(string signal, CancellationToken cancellationToken = default);

    /// <summary>Waits for the command to finish and returns its exit code, whatever it is.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="PebbleChangeException">The command could not run, or was killed by its timeout.</exception>
    public abstract Task<int> WaitForExitAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits for the command to finish; fails unless it exited with 0.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the command has succeeded.</returns>
    /// <exception cref="PebbleExecException">It exited non-zero.</exception>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        var exitCode = await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new PebbleExecException(Request.Command, exitCode, null, null);
        }
    }

    /// <summary>Reads all output, waits for the command to finish, and returns what it wrote.</summary>
    /// <param name="throwOnNonZeroExit">Fail (with the output) unless it exited with 0.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The exit code and the output.</returns>
    /// <exception cref="PebbleExecException">It exited non-zero and <paramref name="throwOnNonZeroExit"/> is set.</exception>
    public async Task<PebbleExecResult> WaitOutputAsync(bool throwOnNonZeroExit = true, CancellationToken cancellationToken = default)
    {
        // Both streams are drained concurrently: a command that fills one pipe while we block on the other would hang.
        var stdoutTask = ReadAllAsync(Stdout, cancellationToken);
        var stderrTask = Stderr is null ? Task.FromResult<string?>(null) : ReadOptionalAsync(Stderr, cancellationToken);
        var stdout = await stdoutTask.ConfigureAwait(false);
        var stderr = await stderrTask.ConfigureAwait(false);
        var exitCode = await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0 && throwOnNonZeroExit)
        {
            throw new PebbleExecException(Request.Command, exitCode, stdout, stderr);
        }

        return new PebbleExecResult(exitCode, stdout, stderr);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the process's connections.</summary>
    /// <returns>A task that completes when released.</returns>
    protected abstract ValueTask DisposeAsyncCore();

    private static async Task<string?> ReadOptionalAsync(Stream stream, CancellationToken cancellationToken) =>
        await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false);

    private static async Task<string> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
