using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaStorage;

/// <summary>The storage side of <c>media-storage</c>: publishes the shared volume to every related application.</summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaStorageProvider(CharmObject parent, string endpoint = "media-storage")
    : BroadcastingInterface<MediaStorageProviderData>(parent, endpoint, raisesChanged: false)
{
    /// <summary>Withdraws the storage data from every relation on the endpoint (leader only).</summary>
    public void ClearData() => ClearAll();

    /// <summary>The instance names the related applications published, skipping relations that are not ready.</summary>
    /// <returns>The names, by relation id.</returns>
    public IReadOnlyList<string> GetConnectedApps() =>
        ReadAll<MediaStorageRequirerData>().Select(d => d.InstanceName).ToList();
}
