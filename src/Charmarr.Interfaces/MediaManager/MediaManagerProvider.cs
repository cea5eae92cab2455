using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaManager;

/// <summary>The media-manager side of <c>media-manager</c>: publishes its API and library layout to every related application.</summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaManagerProvider(CharmObject parent, string endpoint = "media-manager")
    : BroadcastingInterface<MediaManagerProviderData>(parent, endpoint, raisesChanged: false)
{
    /// <summary>What each related request manager published, skipping relations that are not ready.</summary>
    /// <returns>The requirers' data, by relation id.</returns>
    public IReadOnlyList<MediaManagerRequirerData> GetRequirers() => ReadAll<MediaManagerRequirerData>();
}
