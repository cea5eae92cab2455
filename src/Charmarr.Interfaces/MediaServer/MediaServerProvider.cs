using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.MediaServer;

/// <summary>The server side of <c>media-server</c>: publishes the server's URLs to every related request manager.</summary>
public sealed class MediaServerProvider : RelationInterface
{
    /// <summary>Binds the provider to an endpoint.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MediaServerProvider(CharmObject parent, string endpoint = "media-server")
        : base(parent, endpoint, raisesChanged: false)
    {
    }

    /// <summary>Publishes the server data to every relation on the endpoint (leader only; a no-op elsewhere).</summary>
    /// <param name="data">The data.</param>
    public void PublishData(MediaServerProviderData data) => PublishToAll(data);
}
