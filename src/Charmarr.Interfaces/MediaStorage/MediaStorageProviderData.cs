namespace Charmarr.Interfaces.MediaStorage;

/// <summary>What the storage charm (charmarr-storage) publishes: the shared media volume and who owns its files.</summary>
public sealed record MediaStorageProviderData
{
    /// <summary>The shared PersistentVolumeClaim to mount (<c>pvc_name</c>).</summary>
    public required string PvcName { get; init; }

    /// <summary>Where to mount it inside workload containers (<c>mount_path</c>, default <c>/data</c>).</summary>
    public string MountPath { get; init; } = "/data";

    /// <summary>The user id that owns the files (<c>puid</c>, LinuxServer's PUID; default 1000).</summary>
    public int Puid { get; init; } = 1000;

    /// <summary>The group id that owns the files (<c>pgid</c>, LinuxServer's PGID; default 1000).</summary>
    public int Pgid { get; init; } = 1000;
}
