namespace Charmarr.Interfaces.MediaManager;

/// <summary>What a request manager (Overseerr, Seerr) publishes to the media managers it uses.</summary>
/// <param name="Requester">Which request manager this is (<c>requester</c>).</param>
/// <param name="InstanceName">The requirer's Juju application name (<c>instance_name</c>).</param>
public sealed record MediaManagerRequirerData(RequestManagerKind Requester, string InstanceName);
