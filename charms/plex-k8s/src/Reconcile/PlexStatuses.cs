using Charmarr.Ops.Model;

namespace Charmarr.PlexK8s.Reconcile;

/// <summary>Every status the reconciler reports, worded for the operator.</summary>
internal static class PlexStatuses
{
    /// <summary>Phase 1: the plex container's Pebble does not answer yet.</summary>
    public static Status WaitingForPebble { get; } = Status.Waiting("Waiting for Pebble");

    /// <summary>Phase 2: a non-leader while the application is scaled out.</summary>
    public static Status ScalingNotSupported { get; } = Status.Blocked("Scaling not supported - only leader runs workload");

    /// <summary>Phase 2: a non-leader of a one-unit application (leadership is moving).</summary>
    public static Status Standby { get; } = Status.Waiting("Standby (non-leader)");

    /// <summary>Phase 3: no usable media-storage data.</summary>
    public static Status NoMediaStorage { get; } = Status.Blocked("Waiting for media-storage relation");

    /// <summary>Phase 3: charmarr-storage published data the charm cannot use.</summary>
    /// <param name="problem">The field, its value and what is wrong with it.</param>
    /// <returns>The status.</returns>
    public static Status InvalidMediaStorage(string problem) =>
        Status.Blocked($"media-storage: {problem}; fix the storage charm's config");

    /// <summary>Phase 7: Plex is not answering its readiness check yet.</summary>
    public static Status StartingPlex { get; } = Status.Waiting("Starting Plex");

    /// <summary>Done, and the server belongs to a Plex account.</summary>
    public static Status Claimed { get; } = Status.Active();

    /// <summary>Done, but nobody owns the server yet.</summary>
    public static Status Unclaimed { get; } =
        Status.Active("Unclaimed: run the claim-server action with a token from https://plex.tv/claim, or sign in through the web UI");

    /// <summary>The Kubernetes API server did not answer within the hook's budget, or could not be reached, through every retry.</summary>
    public static Status KubernetesUnreachable { get; } =
        Status.Waiting("Kubernetes API server not answering: check the cluster's API server; the charm retries on the next event");

    /// <summary>Kubernetes refused the charm's StatefulSet calls.</summary>
    /// <param name="app">The application name.</param>
    /// <returns>The status.</returns>
    public static Status NeedsTrust(string app) =>
        Status.Blocked($"Kubernetes refused access to the StatefulSet: run `juju trust {app} --scope=cluster`");
}
