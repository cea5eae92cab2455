using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaStorage;

/// <summary>The consuming side of <c>media-storage</c> (one relation): reads the shared volume the storage charm published.</summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaStorageRequirer(CharmObject parent, string endpoint = "media-storage")
    : SingleProviderRequirer<MediaStorageProviderData>(parent, endpoint)
{
    /// <summary>Publishes this application's data to the relation (leader only; a no-op elsewhere or without a relation).</summary>
    /// <param name="data">The data.</param>
    /// <exception cref="ArgumentException"><c>instance_name</c> is not a Juju application name.</exception>
    public void PublishData(MediaStorageRequirerData data) => PublishToSingle(data);
}
