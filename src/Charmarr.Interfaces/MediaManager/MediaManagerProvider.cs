using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaManager;

/// <summary>The media-manager side of <c>media-manager</c>: publishes its API and library layout to every related application.</summary>
public sealed class MediaManagerProvider : RelationInterface
{
    /// <summary>Binds the provider to an endpoint.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MediaManagerProvider(CharmObject parent, string endpoint = "media-manager")
        : base(parent, endpoint, raisesChanged: false)
    {
    }

    /// <summary>Publishes the manager's data to every relation on the endpoint (leader only; a no-op elsewhere).</summary>
    /// <param name="data">The data.</param>
    public void PublishData(MediaManagerProviderData data) => PublishToAll(data);

    /// <summary>What each related request manager published, skipping relations that are not ready.</summary>
    /// <returns>The requirers' data, by relation id.</returns>
    public IReadOnlyList<MediaManagerRequirerData> GetRequirers() => ReadAll<MediaManagerRequirerData>();
}
