using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaServer;

/// <summary>The server side of <c>media-server</c>: publishes the server's URLs to every related request manager.</summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class MediaServerProvider(CharmObject parent, string endpoint = "media-server")
    : BroadcastingInterface<MediaServerProviderData>(parent, endpoint, raisesChanged: false);
