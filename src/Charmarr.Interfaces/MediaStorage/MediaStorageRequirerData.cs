namespace Charmarr.Interfaces.MediaStorage;

/// <summary>What an application mounting the shared storage may publish about itself.</summary>
public sealed record MediaStorageRequirerData
{
    /// <summary>The requiring application's Juju name (<c>instance_name</c>).</summary>
    public required string InstanceName { get; init; }
}
