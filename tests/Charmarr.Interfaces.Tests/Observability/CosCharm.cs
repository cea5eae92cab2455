using Charmarr.Interfaces.GrafanaDashboard;
using Charmarr.Interfaces.LokiPushApi;
using Charmarr.Interfaces.PrometheusScrape;
using Charmarr.Interfaces.Tracing;

namespace Charmarr.Interfaces.Tests.Observability;

/// <summary>A charm with every COS interface on its default endpoint (tracing on <c>charm-tracing</c>, as plex-k8s).</summary>
internal sealed class CosCharm : ProbedCharm<CosCharm>
{
    public const string Metadata = """
        name: plex-k8s
        provides:
          metrics-endpoint:
            interface: prometheus_scrape
          grafana-dashboard:
            interface: grafana_dashboard
        requires:
          logging:
            interface: loki_push_api
          charm-tracing:
            interface: tracing
            limit: 1
        """;

    public CosCharm(CharmFramework framework, Probe<CosCharm> probe)
        : base(framework, probe)
    {
        Metrics = new MetricsEndpointProvider(this, [], []);
        Dashboards = new GrafanaDashboardProvider(this, () =>
        {
            probe.DashboardLoads++;
            return [new GrafanaDashboardFile("src/grafana_dashboards/plex.json", CosGolden.DashboardSource)];
        });
        Logging = new LokiLogForwarder(this);
        Tracing = new TracingRequirer(this, ["otlp_http"], "charm-tracing");
    }

    public MetricsEndpointProvider Metrics { get; }

    public GrafanaDashboardProvider Dashboards { get; }

    public LokiLogForwarder Logging { get; }

    public TracingRequirer Tracing { get; }
}
