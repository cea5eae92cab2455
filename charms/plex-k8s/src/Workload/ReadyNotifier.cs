using Charmarr.Ops.Pebble;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// Tells the charm, within seconds, that Plex has passed its readiness check for the first time. Pebble sends Juju no
/// event for a check's first success (only for failures and recoveries), so without this the ports, the media-server
/// data, the ingress route and Active would wait for the next update-status (5 minutes by default). A small service in
/// the plex container polls the check through the <c>pebble</c> binary Juju mounts into every workload container and
/// records a custom notice once it has succeeded; Juju turns the notice into <c>plex-pebble-custom-notice</c>, a
/// reconcilable event. It needs only <c>/bin/sh</c> and <c>sleep</c> from the image.
/// </summary>
internal static class ReadyNotifier
{
    /// <summary>The Pebble service that waits for the check and sends the notice.</summary>
    public const string ServiceName = "plex-ready-notifier";

    /// <summary>The custom notice's key (Pebble's <c>domain/path</c> form).</summary>
    public const string NoticeKey = "charmarr.dev/plex-ready";

    /// <summary>Where Juju mounts Pebble's binary in a workload container; its environment carries PEBBLE_SOCKET.</summary>
    public const string JujuPebbleBinary = "/charm/bin/pebble";

    /// <summary>The service for the leader's layer.</summary>
    public static PebbleService Service { get; } = ForPebbleAt(JujuPebbleBinary);

    /// <summary>
    /// The service, with Pebble's binary at <paramref name="pebble"/>. It sleeps a second first (Pebble counts a
    /// service that exits within its first second as failed to start, which would fail the replan), then reads the
    /// check every two seconds without running it (a run that fails counts towards the check's threshold) until it
    /// reports a success, then records the notice and stays idle: an enabled service that has exited makes every
    /// reconcile replan (to start it), which would restart it and send the notice again, event after event. If it ever
    /// ends, Pebble leaves it so; the next reconcile's replan starts it again, and update-status remains the fallback.
    /// </summary>
    /// <param name="pebble">The absolute path of the <c>pebble</c> binary inside the container.</param>
    /// <returns>The service.</returns>
    public static PebbleService ForPebbleAt(string pebble)
    {
        ArgumentException.ThrowIfNullOrEmpty(pebble);
        if (pebble.Any(c => c is '\'' or '"' or '\\' or ' ' or '$' or '`'))
        {
            throw new ArgumentException($"'{pebble}' cannot be used unquoted in the notifier's script", nameof(pebble));
        }

        // JSON numbers have no leading zeros, so `"successes":` followed by 1-9 is a count of at least one.
        var script =
            $"sleep 1; until case $({pebble} checks {PlexWorkload.ReadyCheckName} --format=json 2>/dev/null) in " +
            $"*successes?:[1-9]*) true;; *) false;; esac; do sleep 2; done; {pebble} notify {NoticeKey}; " +
            "while :; do sleep 3600; done";
        return new PebbleService
        {
            Override = PebbleOverride.Replace,
            Summary = "Records a notice when Plex first passes its readiness check",
            Command = $"/bin/sh -c '{script}'",
            Startup = ServiceStartup.Enabled,
            OnSuccess = PebbleServiceAction.Ignore,
            OnFailure = PebbleServiceAction.Ignore,
        };
    }
}
