namespace Charmarr.Interfaces.MediaManager;

/// <summary>What a request manager (Overseerr, Seerr) publishes to the media managers it uses.</summary>
public sealed record MediaManagerRequirerData
{
    /// <summary>Which request manager this is (<c>requester</c>).</summary>
    public required RequestManagerKind Requester { get; init; }

    /// <summary>The requirer's Juju application name (<c>instance_name</c>).</summary>
    public required string InstanceName { get; init; }
}
