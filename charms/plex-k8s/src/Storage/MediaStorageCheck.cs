using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.PlexK8s.Storage;

/// <summary>Checks what charmarr-storage published beyond its JSON shape, before the charm builds a pod spec from it.</summary>
internal static class MediaStorageCheck
{
    /// <summary>What is wrong with the data, or <see langword="null"/> when it is usable.</summary>
    /// <param name="storage">The provider's data.</param>
    /// <returns>The problem.</returns>
    public static string? Problem(MediaStorageProviderData storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (string.IsNullOrWhiteSpace(storage.PvcName))
        {
            return "pvc_name is empty";
        }

        if (!storage.MountPath.StartsWith('/') || storage.MountPath.Split('/').Contains(".."))
        {
            return $"mount_path '{storage.MountPath}' is not an absolute path";
        }

        if (storage.MountPath is "/" or "/config" || storage.MountPath.StartsWith("/config/", StringComparison.Ordinal))
        {
            return $"mount_path '{storage.MountPath}' would hide the container's own files or Plex's /config";
        }

        return storage.Puid < 0 || storage.Pgid < 0 ? $"puid/pgid {storage.Puid}/{storage.Pgid} are not valid ids" : null;
    }
}
