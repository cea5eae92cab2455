namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// How <see cref="StatefulSetReconciler"/> retries transient failures (409, 429, 5xx, an unreachable API server):
/// up to <see cref="MaxAttempts"/> attempts, waiting <see cref="InitialDelay"/>, then twice as long each time, at most
/// <see cref="MaxDelay"/>. Each attempt reads the StatefulSet again and re-plans, so a retry never replays a stale patch.
/// Every call may take at most <see cref="AttemptTimeout"/> (a call that outlasts it counts as an unreachable API server,
/// and is retried), and all of a reconciler's calls and waits together at most <see cref="Budget"/>: a hook whose API
/// server accepts connections but never answers stops after that with a <see cref="KubernetesTimeoutException"/>.
/// </summary>
public sealed record KubernetesRetryPolicy
{
    /// <summary>4 attempts, waiting 0.5 s, 1 s and 2 s between them.</summary>
    public static KubernetesRetryPolicy Default { get; } = new();

    /// <summary>How many attempts in all (at least 1).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest all Kubernetes calls and retry waits of one <see cref="StatefulSetReconciler"/> (one hook) may take
    /// together: 30 s by default. When it runs out, the reconcile throws <see cref="KubernetesTimeoutException"/>.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one call may take before it is abandoned and retried: 10 s by default.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How to wait (by default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>); tests pass one that returns at once.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    /// <param name="retry">The retry's number, from 1.</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var delay = InitialDelay;
        for (var i = 1; i < retry && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
