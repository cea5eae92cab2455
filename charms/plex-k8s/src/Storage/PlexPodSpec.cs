using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Kubernetes;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Storage;

/// <summary>What the charm wants of its own StatefulSet's pod template: the shared media volume and, optionally, the GPU.</summary>
internal static class PlexPodSpec
{
    /// <summary>The volume (and mount) name of the shared media PVC, the one every Charmarr charm uses.</summary>
    public const string SharedMediaVolume = "charmarr-shared-data";

    /// <summary>The volume (and mount) name of the host's /dev/dri.</summary>
    public const string DriVolume = "dev-dri";

    /// <summary>The host's Direct Rendering devices (Intel QuickSync).</summary>
    public const string DriPath = "/dev/dri";

    /// <summary>A spec for the plex container.</summary>
    /// <returns>An empty spec.</returns>
    public static StatefulSetSpec Create() => new(PlexWorkload.ContainerName);

    /// <summary>
    /// Phase 3: the shared PVC at the provider's mount path, and pod fsGroup = PGID so the volume's files are group-owned by
    /// it. The mount is never removed when the relation goes (the storage ADR: a rolling restart for nothing).
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="storage">What charmarr-storage published.</param>
    public static void MountSharedMedia(this StatefulSetSpec spec, MediaStorageProviderData storage)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storage);
        spec.Volumes.Add(StatefulSetVolume.Pvc(SharedMediaVolume, storage.PvcName, storage.MountPath));
        spec.PodFsGroup = storage.Pgid;
    }

    /// <summary>
    /// Phase 4: on, the host's /dev/dri mounted at /dev/dri and the container privileged (without it, or a device plugin,
    /// the bind-mounted devices are not in the container's device cgroup and Plex silently transcodes on the CPU); off,
    /// both removed if present.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="enabled">The hardware-transcoding config.</param>
    public static void ApplyHardwareTranscoding(this StatefulSetSpec spec, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Volumes.Add(enabled
            ? StatefulSetVolume.HostPath(DriVolume, DriPath, DriPath, HostPathType.Directory)
            : StatefulSetVolume.Absent(DriVolume));
        spec.Privileged = enabled;
    }
}
