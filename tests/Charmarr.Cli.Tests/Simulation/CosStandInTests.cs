using Charmarr.Cli.Simulation;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The <c>cos</c> step: reading it, resolving the stand-in to the charm's endpoint, and the printout of what the
/// charm published (no charm runs here; <see cref="CosStoryTests"/> plays plex-k8s's story).</summary>
public sealed class CosStandInTests
{
    private static readonly CharmMetadata Metadata = CharmMetadata.ParseCharmcraft("""
        name: app
        provides:
          metrics-endpoint: {interface: prometheus_scrape}
          grafana-dashboard: {interface: grafana_dashboard}
        requires:
          logging: {interface: loki_push_api}
          tracing-a: {interface: tracing}
          tracing-b: {interface: tracing}
        """);

    [Fact]
    public void A_cos_step_names_a_stand_in_alone_or_with_an_endpoint()
    {
        var scenario = ScenarioReader.Parse("steps:\n  - cos: loki-k8s\n  - cos: {charm: tempo-coordinator-k8s, endpoint: tracing-b}\n", "s.yaml");

        Assert.Equal([new CosStep(2, "loki-k8s", null), new CosStep(3, "tempo-coordinator-k8s", "tracing-b")], scenario.Steps);
    }

    [Theory]
    [InlineData("prometheus-k8s", null, "metrics-endpoint")]
    [InlineData("grafana-k8s", null, "grafana-dashboard")]
    [InlineData("loki-k8s", null, "logging")]
    [InlineData("tempo-coordinator-k8s", "tracing-a", "tracing-a")]
    public void A_stand_in_relates_to_the_charms_endpoint_of_its_interface(string charm, string? endpoint, string expected) =>
        Assert.Equal(expected, CosStandIn.Resolve(new CosStep(4, charm, endpoint), Metadata, "s.yaml").Endpoint);

    [Theory]
    [InlineData("mimir-k8s", null, "s.yaml:4: no stand-in for 'mimir-k8s' (there are: prometheus-k8s, grafana-k8s, loki-k8s, tempo-coordinator-k8s)")]
    [InlineData("tempo-coordinator-k8s", null, "s.yaml:4: the charm has several tracing endpoints (tracing-a, tracing-b); name one with 'endpoint'")]
    [InlineData("loki-k8s", "logs", "s.yaml:4: the charm has no loki_push_api endpoint 'logs' for loki-k8s")]
    public void A_stand_in_the_charm_cannot_relate_to_says_why(string charm, string? endpoint, string message) =>
        Assert.Equal(message, Assert.Throws<CliException>(() => CosStandIn.Resolve(new CosStep(4, charm, endpoint), Metadata, "s.yaml")).Message);

    [Fact]
    public void The_printout_summarises_dashboards_and_alert_rules_and_lists_log_targets_to_the_stand_in()
    {
        var app = new Dictionary<string, string>
        {
            ["dashboards"] = """{"templates": {"file:plex": {"charm": "plex-k8s", "content": "/Td6WFo="}}, "uuid": "u"}""",
            ["alert_rules"] = """{"groups": [{"name": "g", "rules": [{"alert": "PlexDown"}, {"alert": "HostDown"}]}]}""",
        };
        var plans = new Dictionary<string, PebblePlan>
        {
            ["plex"] = new() { LogTargets = new Dictionary<string, PebbleLogTarget> { ["loki/0"] = new() { Type = "loki", Services = ["all"], Location = "http://loki:3100/loki/api/v1/push" } } },
        };

        var lines = CosPublished.Describe(CosStandIn.All["loki-k8s"], app, new Dictionary<string, string> { ["x"] = new string('y', 200) }, plans).ToList();

        Assert.Equal(
            [
                "published to loki (app) alert_rules = 1 group(s): PlexDown, HostDown",
                "published to loki (app) dashboards = 1 dashboard(s): file:plex (plex-k8s, 8 characters of xz+base64)",
                $"published to loki (unit) x = {new string('y', 159)}…",
                "plex: Pebble log target loki/0 (loki, services all) → http://loki:3100/loki/api/v1/push",
            ],
            lines);
    }

    [Fact]
    public void A_charm_that_published_nothing_says_so() =>
        Assert.Equal(
            ["published nothing to grafana (the leader writes application data)"],
            CosPublished.Describe(CosStandIn.All["grafana-k8s"], new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, PebblePlan>()));
}
