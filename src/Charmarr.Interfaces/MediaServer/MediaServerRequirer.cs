using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaServer;

/// <summary>The request-manager side of <c>media-server</c> (one relation): reads the server's URLs; it publishes nothing.</summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaServerRequirer(CharmObject parent, string endpoint = "media-server")
    : SingleProviderRequirer<MediaServerProviderData>(parent, endpoint);
