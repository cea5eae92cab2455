using Charmarr.Ops.Pebble;

namespace Charmarr.PlexK8s.Workload;

/// <summary>The Pebble layers the charm gives the plex container.</summary>
internal static class PlexLayer
{
    /// <summary>The label of the leader's layer (service and check).</summary>
    public const string Label = "plex";

    /// <summary>The label of a standby unit's layer (the check alone).</summary>
    public const string StandbyLabel = "plex-check";

    /// <summary>
    /// Readiness on /identity. Pebble's ready checks are the pod's readiness probe, so a unit whose Plex is not
    /// answering drops out of the Service's endpoints; a failing readiness check never restarts anything.
    /// </summary>
    public static PebbleCheck ReadyCheck { get; } = new()
    {
        Override = PebbleOverride.Replace,
        Level = CheckLevel.Ready,
        Http = new PebbleHttpCheck { Url = PlexWorkload.IdentityUrl },
        Period = TimeSpan.FromSeconds(10),
        Timeout = TimeSpan.FromSeconds(3),
        Threshold = 3,
    };

    /// <summary>
    /// The leader's layer: Plex's binary run directly as PUID/PGID, the readiness check, and the notifier that tells the
    /// charm when that check first passes (<see cref="ReadyNotifier"/>).
    /// </summary>
    /// <param name="owner">Who Plex runs as.</param>
    /// <param name="timezone">Plex's TZ.</param>
    /// <returns>The layer.</returns>
    public static PebbleLayer ForLeader(FileOwner owner, string timezone)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrEmpty(timezone);
        var service = new PebbleService
        {
            Override = PebbleOverride.Replace,
            Summary = "Plex Media Server",
            Command = PlexWorkload.Command,
            Startup = ServiceStartup.Enabled,
            UserId = owner.Uid,
            GroupId = owner.Gid,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = PlexWorkload.ConfigDir,
                ["PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR"] = PlexWorkload.ApplicationSupportDir,
                ["TZ"] = timezone,
            },
        };
        return new PebbleLayer
        {
            Summary = "Plex Media Server",
            Services = new Dictionary<string, PebbleService>(StringComparer.Ordinal)
            {
                [PlexWorkload.ServiceName] = service,
                [ReadyNotifier.ServiceName] = ReadyNotifier.Service,
            },
            Checks = new Dictionary<string, PebbleCheck>(StringComparer.Ordinal) { [PlexWorkload.ReadyCheckName] = ReadyCheck },
        };
    }

    /// <summary>A standby unit's layer: only the readiness check, so Kubernetes sends it no traffic.</summary>
    /// <returns>The layer.</returns>
    public static PebbleLayer ForStandby() => new()
    {
        Summary = "Plex Media Server readiness (standby unit)",
        Checks = new Dictionary<string, PebbleCheck>(StringComparer.Ordinal) { [PlexWorkload.ReadyCheckName] = ReadyCheck },
    };
}
