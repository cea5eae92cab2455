namespace Charmarr.Interfaces.MediaStorage;

/// <summary>What an application mounting the shared storage may publish about itself.</summary>
/// <param name="InstanceName">The requiring application's Juju name (<c>instance_name</c>).</param>
public sealed record MediaStorageRequirerData(string InstanceName);
