using Charmarr.Ops.Integration.Status;
using Charmarr.Ops.Integration.Waiting;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Polls <c>juju status</c> until <paramref name="ready"/> holds for <see cref="WaitOptions.Successes"/>
    /// statuses in a row, failing at once when <paramref name="error"/> holds.</summary>
    /// <param name="ready">What to wait for, e.g. <c>Conditions.AllActive("plex") &amp; Conditions.AllAgentsIdle("plex")</c>.</param>
    /// <param name="error">What ends the wait as a failure, e.g. <c>Conditions.AnyError()</c>; <see langword="null"/> for nothing.</param>
    /// <param name="wait">Timeout, delay and successes.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status that met the condition the last time.</returns>
    /// <exception cref="JujuWaitTimeoutException">The timeout passed; the message has the last status.</exception>
    /// <exception cref="JujuWaitErrorException">The error condition held; the message has the status.</exception>
    public async Task<JujuStatus> WaitAsync(
        StatusCondition ready, StatusCondition? error = null, WaitOptions? wait = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ready);
        wait ??= new WaitOptions();
        var clock = options.TimeProvider;
        var start = clock.GetTimestamp();
        JujuStatus? last = null;
        var successes = 0;
        while (clock.GetElapsedTime(start) < wait.Timeout)
        {
            last = await GetStatusAsync(cancellationToken);
            if (error is not null && error.IsMet(last))
            {
                throw new JujuWaitErrorException(error, last);
            }

            successes = ready.IsMet(last) ? successes + 1 : 0;
            if (successes >= Math.Max(1, wait.Successes))
            {
                return last;
            }

            await Task.Delay(wait.Delay, clock, cancellationToken);
        }

        throw new JujuWaitTimeoutException(ready, wait.Timeout, last);
    }
}
