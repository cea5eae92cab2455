using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>
/// The routed side of <c>istio-ingress-route</c>: asks istio-ingress for routes and reads back the gateway's external
/// host and whether it serves TLS. Raises <see cref="RelationInterfaceChangedEvent"/> on the endpoint's relation-changed
/// and relation-broken.
/// </summary>
/// <param name="parent">The charm or component that owns it.</param>
/// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
public sealed class IstioIngressRouteRequirer(CharmObject parent, string endpoint = "istio-ingress-route")
    : RelationInterface(parent, endpoint, raisesChanged: true)
{
    private const string ExternalHostKey = "external_host";
    private const string TlsEnabledKey = "tls_enabled";

    /// <summary>Whether a relation to istio-ingress exists, so a configuration can be submitted.</summary>
    /// <returns><see langword="true"/> when the endpoint has a relation.</returns>
    public bool IsReady() => Relations.Count > 0;

    /// <summary>
    /// Submits the routes to every relation on the endpoint (leader only; a logged no-op elsewhere). The Python library
    /// raises on a non-leader instead; a charm need not guard the call here.
    /// </summary>
    /// <param name="config">The routes.</param>
    public void SubmitConfig(IstioIngressRouteConfig config) => PublishToAll(config);

    /// <summary>The first non-empty <c>external_host</c> istio-ingress published, or empty when none did.</summary>
    public string ExternalHost =>
        RemoteBags().Select(bag => bag.Get(ExternalHostKey)).FirstOrDefault(host => !string.IsNullOrEmpty(host)) ?? string.Empty;

    /// <summary>
    /// Whether the gateway serves TLS: <c>tls_enabled</c> is exactly <c>True</c> (Python's <c>str(True)</c>). As in the
    /// Python library, only the first relation with a known remote application is asked.
    /// </summary>
    public bool TlsEnabled => RemoteBags().FirstOrDefault()?.Get(TlsEnabledKey) == "True";

    private IEnumerable<RelationDataBag> RemoteBags() =>
        Relations.Where(r => r.RemoteApp is not null).Select(r => r.RemoteAppData);
}
