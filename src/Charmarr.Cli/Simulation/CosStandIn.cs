using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Simulation;

/// <summary>
/// Relates the charm to a stand-in for a Canonical Observability Stack charm (<c>cos: loki-k8s</c>): the relation on the
/// charm's endpoint of that interface (or <paramref name="Endpoint"/>), what the real charm publishes on it, then
/// created, joined and changed; the player prints what the charm published in return.
/// </summary>
/// <param name="Line">Where it stands in the scenario file.</param>
/// <param name="Charm">prometheus-k8s, grafana-k8s, loki-k8s or tempo-coordinator-k8s.</param>
/// <param name="Endpoint">The charm's endpoint, when it has several of the interface.</param>
internal sealed record CosStep(long Line, string Charm, string? Endpoint) : ScenarioStep(Line);

/// <summary>A COS charm as the simulation stands it in: its interface, application, one unit and what it publishes.</summary>
/// <param name="Charm">The charm's Charmhub name.</param>
/// <param name="Interface">The interface the charm under test relates to it over.</param>
/// <param name="App">The stand-in's application name.</param>
/// <param name="AppData">Its application data.</param>
/// <param name="UnitData">Its unit's data.</param>
internal sealed record CosStandIn(string Charm, string Interface, string App, IReadOnlyDictionary<string, string> AppData, IReadOnlyDictionary<string, string> UnitData)
{
    /// <summary>The stand-ins, by charm name. Loki and Tempo publish what the real charms do, in the COS model <c>cos</c>.</summary>
    public static IReadOnlyDictionary<string, CosStandIn> All { get; } = new[]
    {
        new CosStandIn("prometheus-k8s", "prometheus_scrape", "prometheus", Empty, Empty),
        new CosStandIn("grafana-k8s", "grafana_dashboard", "grafana", Empty, Empty),
        new CosStandIn(
            "loki-k8s",
            "loki_push_api",
            "loki",
            Empty,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["endpoint"] = """{"url": "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push"}""" }),
        new CosStandIn(
            "tempo-coordinator-k8s",
            "tracing",
            "tempo",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["receivers"] = """[{"protocol": {"name": "otlp_http", "type": "http"}, "url": "http://tempo.cos.svc.cluster.local:4318"}, {"protocol": {"name": "otlp_grpc", "type": "grpc"}, "url": "tempo.cos.svc.cluster.local:4317"}]""",
            },
            Empty),
    }.ToDictionary(s => s.Charm, StringComparer.Ordinal);

    /// <summary>The stand-in's unit.</summary>
    public string Unit => $"{App}/0";

    private static Dictionary<string, string> Empty => new(StringComparer.Ordinal);

    /// <summary>The stand-in a step names, and the charm's endpoint it relates to.</summary>
    /// <exception cref="CliException">An unknown stand-in, or the charm has no (or more than one) endpoint of its interface.</exception>
    public static (CosStandIn StandIn, string Endpoint) Resolve(CosStep step, CharmMetadata metadata, string fileName)
    {
        if (!All.TryGetValue(step.Charm, out var standIn))
        {
            throw new CliException($"{fileName}:{step.Line}: no stand-in for '{step.Charm}' (there are: {string.Join(", ", All.Keys)})");
        }

        var endpoints = metadata.Relations.Where(r => r.Value.Interface == standIn.Interface && r.Value.Role != RelationRole.Peer)
            .Select(r => r.Key).Where(e => step.Endpoint is null || e == step.Endpoint).ToList();
        return endpoints.Count == 1
            ? (standIn, endpoints[0])
            : throw new CliException(endpoints.Count == 0
                ? $"{fileName}:{step.Line}: the charm has no {standIn.Interface} endpoint{(step.Endpoint is null ? "" : $" '{step.Endpoint}'")} for {standIn.Charm}"
                : $"{fileName}:{step.Line}: the charm has several {standIn.Interface} endpoints ({string.Join(", ", endpoints)}); name one with 'endpoint'");
    }
}
