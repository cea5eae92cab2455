using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaServer;

/// <summary>
/// The request-manager side of <c>media-server</c> (one relation): reads the server's URLs. It publishes nothing.
/// Raises <see cref="RelationInterfaceChangedEvent"/> on the endpoint's relation-changed and relation-broken.
/// </summary>
public sealed class MediaServerRequirer : RelationInterface
{
    /// <summary>Binds the requirer to an endpoint.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MediaServerRequirer(CharmObject parent, string endpoint = "media-server")
        : base(parent, endpoint, raisesChanged: true)
    {
    }

    /// <summary>The server the provider published, or <see langword="null"/> when there is no relation or its data is missing or invalid.</summary>
    /// <returns>The provider's data.</returns>
    public MediaServerProviderData? GetProvider() => ReadSingle<MediaServerProviderData>();

    /// <summary>Whether the provider's data is there and valid.</summary>
    /// <returns><see langword="true"/> when <see cref="GetProvider"/> has data.</returns>
    public bool IsReady() => GetProvider() is not null;
}
