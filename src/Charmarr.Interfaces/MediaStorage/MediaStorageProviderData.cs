namespace Charmarr.Interfaces.MediaStorage;

/// <summary>What the storage charm (charmarr-storage) publishes: the shared media volume and who owns its files.</summary>
/// <param name="PvcName">The shared PersistentVolumeClaim to mount (<c>pvc_name</c>).</param>
/// <param name="MountPath">Where to mount it inside workload containers (<c>mount_path</c>).</param>
/// <param name="Puid">The user id that owns the files (<c>puid</c>, LinuxServer's PUID).</param>
/// <param name="Pgid">The group id that owns the files (<c>pgid</c>, LinuxServer's PGID).</param>
public sealed record MediaStorageProviderData(string PvcName, string MountPath = "/data", int Puid = 1000, int Pgid = 1000);
