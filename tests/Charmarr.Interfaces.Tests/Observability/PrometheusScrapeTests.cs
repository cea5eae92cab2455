using Charmarr.Interfaces.PrometheusScrape;

namespace Charmarr.Interfaces.Tests.Observability;

public sealed class PrometheusScrapeTests : IDisposable
{
    private static readonly AlertRuleGroup PlexRules = new("plex",
    [
        new AlertRule("PlexExporterDown", "up < 1")
        {
            For = "5m",
            Labels = new Dictionary<string, string> { ["severity"] = "critical" },
            Annotations = new Dictionary<string, string> { ["summary"] = "s" },
        },
    ]);

    private readonly CharmFixture<CosCharm> plex = new("plex/0", CosCharm.Metadata);

    public void Dispose() => plex.Dispose();

    [Fact]
    public void Scrape_metadata_is_the_topology_as_cosl_dumps_it() =>
        Assert.Equal(CosGolden.ScrapeMetadata, MetricsEndpointProvider.ScrapeMetadata(CosGolden.Topology));

    [Fact]
    public void Scrape_jobs_are_sanitised_as_the_library_does_metrics_path_and_static_configs_first()
    {
        var jobs = new[]
        {
            new PrometheusScrapeJob([new PrometheusStaticConfig(["*:9594"])]),
            new PrometheusScrapeJob([new PrometheusStaticConfig(["*:9594"], new Dictionary<string, string> { ["a"] = "b" })]) { JobName = "plex", ScrapeInterval = "30s" },
        };

        Assert.Equal(CosGolden.ScrapeJobs, MetricsEndpointProvider.ScrapeJobs(jobs));
    }

    [Fact]
    public void Alert_rules_get_topology_group_names_labels_and_matchers_and_cosls_host_health_group() =>
        Assert.Equal(CosGolden.AlertRules, MetricsEndpointProvider.AlertRules([PlexRules], CosGolden.Topology));

    [Theory]
    [InlineData("up < 1", "up{m=\"x\"} < 1")]
    [InlineData("absent(plex_up)", "absent(plex_up{m=\"x\"})")]
    [InlineData("sum by (job) (rate(http_total{code=\"500\"}[5m])) > 0", "sum by (job) (rate(http_total{code=\"500\",m=\"x\"}[5m])) > 0")]
    [InlineData("a and on (instance) b", "a{m=\"x\"} and on (instance) b{m=\"x\"}")]
    [InlineData("up{%%juju_topology%%} == 0", "up{m=\"x\"} == 0")]
    public void Matchers_go_into_every_selector_and_nowhere_else(string expression, string expected)
    {
        var withoutPlaceholder = expression.Replace("%%juju_topology%%", "", StringComparison.Ordinal);
        Assert.Equal(expected, PromQlTopology.Inject(withoutPlaceholder, [new("m", "x")]));
    }

    [Fact]
    public void The_leader_publishes_jobs_metadata_rules_and_every_unit_its_address()
    {
        plex.Backend.Leader = true;
        var id = plex.Backend.AddRelation("metrics-endpoint", "prometheus");
        plex.Backend.AddRemoteUnit(id, "prometheus/0");

        Assert.Equal(0, plex.RelationHook("joined", "metrics-endpoint", id, "prometheus/0"));

        var app = plex.Backend.GetLocalAppData(id);
        Assert.Equal(CosGolden.DefaultScrapeJobs, app["scrape_jobs"]);
        Assert.Contains("\"application\": \"plex\"", app["scrape_metadata"], StringComparison.Ordinal);
        Assert.StartsWith("{\"groups\": [{\"name\": \"charmarr_", app["alert_rules"], StringComparison.Ordinal);
        var unit = plex.Backend.GetLocalUnitData(id);
        Assert.Equal("10.0.0.5", unit["prometheus_scrape_unit_address"]);
        Assert.Equal("plex/0", unit["prometheus_scrape_unit_name"]);
        Assert.Equal("plex-0.plex-endpoints.charmarr.svc.cluster.local", unit["prometheus_scrape_unit_fqdn"]);
    }

    [Fact]
    public void A_non_leader_publishes_only_its_address()
    {
        var id = plex.Backend.AddRelation("metrics-endpoint", "prometheus");

        Assert.Equal(0, plex.RelationHook("changed", "metrics-endpoint", id));

        Assert.Empty(plex.Backend.GetLocalAppData(id));
        Assert.Equal("10.0.0.5", plex.Backend.GetLocalUnitData(id)["prometheus_scrape_unit_address"]);
    }

    [Fact]
    public void Without_a_bind_address_from_network_get_the_unit_publishes_its_fqdn()
    {
        plex.Backend.DefaultNetwork = null;
        var id = plex.Backend.AddRelation("metrics-endpoint", "prometheus");

        Assert.Equal(0, plex.RelationHook("changed", "metrics-endpoint", id));

        Assert.Equal("plex-0.plex-endpoints.charmarr.svc.cluster.local", plex.Backend.GetLocalUnitData(id)["prometheus_scrape_unit_address"]);
    }
}
