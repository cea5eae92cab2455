using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;

namespace Charmarr.PlexK8s.Workload;

/// <summary>Whether Plex is serving, from Pebble's own readiness check on /identity.</summary>
internal static class PlexHealth
{
    /// <summary>
    /// Ready when the plex service runs and its readiness check is up after at least one success. A check Pebble has only
    /// just added is "up" with no runs yet, which says nothing; Pebble before 1.23 reports no success count, and there
    /// "up" is all there is to go on.
    /// </summary>
    /// <param name="plex">The plex container.</param>
    /// <param name="cancellationToken">Stops the calls.</param>
    /// <returns>Whether Plex is ready.</returns>
    public static async Task<bool> IsReadyAsync(Container plex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plex);
        var service = await plex.GetServiceAsync(PlexWorkload.ServiceName, cancellationToken);
        if (service is not { IsRunning: true })
        {
            return false;
        }

        var check = await plex.GetCheckAsync(PlexWorkload.ReadyCheckName, cancellationToken);
        return check is not null && check.Status == CheckStatus.Up && (check.Successes ?? 1) > 0;
    }
}
