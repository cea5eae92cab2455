using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaStorage;

/// <summary>
/// The consuming side of <c>media-storage</c> (one relation): reads the shared volume the storage charm published.
/// Raises <see cref="RelationInterfaceChangedEvent"/> on the endpoint's relation-changed and relation-broken.
/// </summary>
public sealed class MediaStorageRequirer : RelationInterface
{
    /// <summary>Binds the requirer to an endpoint.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MediaStorageRequirer(CharmObject parent, string endpoint = "media-storage")
        : base(parent, endpoint, raisesChanged: true)
    {
    }

    /// <summary>Publishes this application's data to the relation (leader only; a no-op elsewhere or without a relation).</summary>
    /// <param name="data">The data.</param>
    public void PublishData(MediaStorageRequirerData data) => PublishToSingle(data);

    /// <summary>The storage the provider published, or <see langword="null"/> when there is no relation or its data is missing or invalid.</summary>
    /// <returns>The provider's data.</returns>
    public MediaStorageProviderData? GetProvider() => ReadSingle<MediaStorageProviderData>();

    /// <summary>Whether the provider's data is there and valid.</summary>
    /// <returns><see langword="true"/> when <see cref="GetProvider"/> has data.</returns>
    public bool IsReady() => GetProvider() is not null;
}
