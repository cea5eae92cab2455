using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaStorage;

/// <summary>The storage side of <c>media-storage</c>: publishes the shared volume to every related application.</summary>
public sealed class MediaStorageProvider : RelationInterface
{
    /// <summary>Binds the provider to an endpoint.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MediaStorageProvider(CharmObject parent, string endpoint = "media-storage")
        : base(parent, endpoint, raisesChanged: false)
    {
    }

    /// <summary>Publishes the storage data to every relation on the endpoint (leader only; a no-op elsewhere).</summary>
    /// <param name="data">The data.</param>
    public void PublishData(MediaStorageProviderData data) => PublishToAll(data);

    /// <summary>Withdraws the storage data from every relation on the endpoint (leader only).</summary>
    public void ClearData() => ClearAll();

    /// <summary>The instance names the related applications published, skipping relations that are not ready.</summary>
    /// <returns>The names, by relation id.</returns>
    public IReadOnlyList<string> GetConnectedApps() =>
        ReadAll<MediaStorageRequirerData>().Select(d => d.InstanceName).ToList();
}
