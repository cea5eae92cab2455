using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.PlexK8s.Storage;

/// <summary>
/// Checks what charmarr-storage published against Plex's own needs, beyond what the interface already validates (a
/// Kubernetes PVC name, an absolute mount path, user and group ids in range).
/// </summary>
internal static class MediaStorageCheck
{
    /// <summary>What is wrong with the data for Plex, or <see langword="null"/> when it is usable.</summary>
    /// <param name="storage">The provider's data, valid for the interface.</param>
    /// <returns>The problem, naming the field.</returns>
    public static string? Problem(MediaStorageProviderData storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var mountPath = storage.MountPath.TrimEnd('/');
        return mountPath is "" or "/config" || mountPath.StartsWith("/config/", StringComparison.Ordinal)
            ? $"mount_path '{storage.MountPath}' would hide the container's own files or Plex's /config"
            : null;
    }
}
