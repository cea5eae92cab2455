namespace Charmarr.Ops.Pebble;

/// <summary>
/// The time limit of one call, like a socket timeout: it fires when Pebble has been silent for the limit, and
/// <see cref="Kick"/> restarts the clock whenever bytes move, so a 64 MiB transfer is not cut off while it progresses.
/// </summary>
internal sealed class CallWatchdog : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationToken caller;

    /// <summary>Starts the clock.</summary>
    /// <param name="limit">How long Pebble may be silent; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="caller">The caller's cancellation.</param>
    public CallWatchdog(TimeSpan limit, CancellationToken caller)
    {
        this.caller = caller;
        source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        Limit = limit;
        Kick();
    }

    /// <summary>How long Pebble may be silent.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>Cancelled when the limit passes or the caller cancels.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>True when the limit passed (not the caller's cancellation).</summary>
    public bool Expired => source.IsCancellationRequested && !caller.IsCancellationRequested;

    /// <summary>True when the caller cancelled.</summary>
    public bool CallerCancelled => caller.IsCancellationRequested;

    /// <summary>Restarts the clock.</summary>
    public void Kick()
    {
        try
        {
            source.CancelAfter(Limit);
        }
        catch (ObjectDisposedException)
        {
            // The call is over; nothing left to time.
        }
    }

    /// <summary>Changes the limit and restarts the clock (a log follow has no limit once it is streaming).</summary>
    /// <param name="limit">The new limit.</param>
    public void Reset(TimeSpan limit)
    {
        Limit = limit;
        Kick();
    }

    /// <inheritdoc />
    public void Dispose() => source.Dispose();
}
