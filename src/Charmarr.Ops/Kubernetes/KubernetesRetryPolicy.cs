namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// How <see cref="StatefulSetReconciler"/> retries transient failures (409, 429, 5xx, an unreachable API server):
/// up to <see cref="MaxAttempts"/> attempts, waiting <see cref="InitialDelay"/>, then twice as long each time, at most
/// <see cref="MaxDelay"/>. Each attempt reads the StatefulSet again and re-plans, so a retry never replays a stale patch.
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
