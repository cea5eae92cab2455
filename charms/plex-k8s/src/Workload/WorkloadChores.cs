using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// What the LinuxServer image's s6 init would have done before starting Plex, which the charm bypasses: give /config to
/// PUID:PGID (Juju's storage arrives root-owned), create Plex's data and temp directories, and name the ids in
/// /etc/passwd and /etc/group.
/// </summary>
internal static class WorkloadChores
{
    /// <summary>Does the chores; each is skipped when already done.</summary>
    /// <param name="plex">The plex container.</param>
    /// <param name="owner">PUID and PGID.</param>
    /// <param name="logger">Where to say what changed.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(Container plex, FileOwner owner, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plex);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(logger);
        await OwnConfigAsync(plex, owner, logger, cancellationToken);
        var owned = new PebbleMakeDirOptions { UserId = owner.Uid, GroupId = owner.Gid };
        await plex.EnsureDirectoryAsync(PlexWorkload.ApplicationSupportDir, owned, cancellationToken);
        await plex.EnsureDirectoryAsync(PlexWorkload.TempDir, owned, cancellationToken);
        if (await PosixAccounts.EnsureAsync(plex, owner, cancellationToken))
        {
            logger.LogInformation("Added account entries for {Owner} to /etc/passwd and /etc/group", owner);
        }
    }

    // A recursive chown of a large Plex database is slow, so it runs only when /config itself is not Plex's yet (new
    // storage, or PUID/PGID changed), not on every event.
    private static async Task OwnConfigAsync(Container plex, FileOwner owner, ILogger logger, CancellationToken cancellationToken)
    {
        var config = await plex.Pebble.StatAsync(PlexWorkload.ConfigDir, cancellationToken);
        if (config is not null && config.UserId == owner.Uid && config.GroupId == owner.Gid)
        {
            return;
        }

        logger.LogInformation("Giving {ConfigDir} to {Owner}", PlexWorkload.ConfigDir, owner);
        await plex.EnsureDirectoryAsync(PlexWorkload.ConfigDir, cancellationToken: cancellationToken);
        await plex.ExecAsync("chown", "-R", owner.ChownArgument, PlexWorkload.ConfigDir);
    }
}
