namespace Charmarr.Ops.Pebble;

/// <summary>
/// A pulled file that must arrive in full before a deadline: reads after it (or cut short by it) throw
/// <see cref="PebbleTimeoutException"/>; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class DeadlinePullStream : ReadOnlyStreamBase
{
    private readonly Stream inner;
    private readonly CancellationTokenSource deadline;
    private readonly CancellationToken caller;
    private readonly string operation;
    private readonly TimeSpan limit;

    private DeadlinePullStream(Stream inner, CancellationTokenSource deadline, string operation, TimeSpan limit, CancellationToken caller)
    {
        this.inner = inner;
        this.deadline = deadline;
        this.caller = caller;
        this.operation = operation;
        this.limit = limit;
    }

    /// <summary>Opens the pull with the deadline already running.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The file.</param>
    /// <param name="limit">The time the whole transfer may take, from now.</param>
    /// <param name="caller">The caller's cancellation.</param>
    /// <returns>The stream; the deadline covers its reads too.</returns>
    public static async Task<Stream> OpenAsync(PebbleClient client, string path, TimeSpan limit, CancellationToken caller)
    {
        var operation = $"pebble pull {path}";
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(caller);
        deadline.CancelAfter(limit);
        try
        {
            var inner = await client.PullAsync(path, deadline.Token).ConfigureAwait(false);
            return new DeadlinePullStream(inner, deadline, operation, limit, caller);
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new PebbleTimeoutException(operation, limit, e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            if (deadline.IsCancellationRequested && !caller.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(deadline.Token);
            }

            return await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !caller.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PebbleTimeoutException(operation, limit, e);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            deadline.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        deadline.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
