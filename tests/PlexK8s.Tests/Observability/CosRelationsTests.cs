using Charmarr.Ops.Backend;
using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Http;
using Charmarr.PlexK8s.Observability;
using Charmarr.PlexK8s.Tests.Charm;
using Charmarr.PlexK8s.Tests.Workload;

namespace Charmarr.PlexK8s.Tests.Observability;

/// <summary>metrics-endpoint, grafana-dashboard, logging and charm-tracing on a deployed Plex.</summary>
public sealed class CosRelationsTests : IAsyncLifetime
{
    private const string LokiUrl = "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push";

    private PlexHarness plex = null!;

    public async ValueTask InitializeAsync() => plex = await PlexHarness.StartAsync();

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    [Fact]
    public void Prometheus_gets_the_exporters_job_plex_alert_rules_and_the_units_address()
    {
        plex.Deploy();

        var id = plex.Harness.AddRelation("metrics-endpoint", "prometheus", unitData: new Dictionary<string, string>());

        var app = plex.Harness.GetRelationData(id, "plex");
        Assert.Equal("""[{"metrics_path": "/metrics", "static_configs": [{"targets": ["*:9594"]}]}]""", app["scrape_jobs"]);
        var rules = JsonNode.Parse(app["alert_rules"])!["groups"]!.AsArray();
        Assert.Equal(["charmarr_", "charmarr_"], rules.Select(g => ((string)g!["name"]!)[..9]));
        Assert.Equal(["PlexDown", "PlexExporterDown"], rules[0]!["rules"]!.AsArray().Select(r => (string)r!["alert"]!));
        Assert.StartsWith("plex_up{juju_application=\"plex\",juju_model=\"charmarr\",", (string)rules[0]!["rules"]![0]!["expr"]!, StringComparison.Ordinal);
        Assert.Equal("plex/0", plex.Harness.GetRelationData(id, "plex/0")["prometheus_scrape_unit_name"]);
    }

    [Fact]
    public void Grafana_gets_the_plex_dashboard()
    {
        plex.Deploy();

        var id = plex.Harness.AddRelation("grafana-dashboard", "grafana");

        var dashboards = JsonNode.Parse(plex.Harness.GetRelationData(id, "plex")["dashboards"])!;
        var template = dashboards["templates"]!["file:plex"]!;
        Assert.Equal("plex-k8s", (string?)template["charm"]);
        Assert.False(string.IsNullOrEmpty((string?)template["content"]));
    }

    [Fact]
    public void The_dashboard_shows_health_streams_transcodes_and_library_sizes_from_the_exporters_metrics()
    {
        var dashboard = JsonNode.Parse(PlexDashboard.Load().Json)!;

        var expressions = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!).ToList();
        foreach (var metric in new[] { "plex_up", "up", "plex_sessions_count", "plex_video_transcode_sessions_count", "plex_audio_transcode_sessions_count", "plex_media_count" })
        {
            Assert.Contains(expressions, e => e.Contains($"{metric})", StringComparison.Ordinal) || e.Contains($"{metric}{{", StringComparison.Ordinal) || e.EndsWith(metric, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_alert_rules_watch_plex_and_the_exporter()
    {
        Assert.Equal(
            [("PlexDown", "plex_up < 1", "critical"), ("PlexExporterDown", "up < 1", "warning")],
            PlexAlertRules.Group.Rules.Select(r => (r.Alert, r.Expr, r.Labels["severity"])));
    }

    [Fact]
    public void Loki_receives_the_logs_of_both_containers_through_pebble_log_targets()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.Claimed("server-token-42"));

        plex.Harness.AddRelation("logging", "loki", unitData: new Dictionary<string, string> { ["endpoint"] = $$"""{"url": "{{LokiUrl}}"}""" });

        foreach (var container in new[] { "plex", ExporterSidecar.ContainerName })
        {
            var target = plex.Harness.GetPlan(container).LogTargets["loki/0"];
            Assert.Equal(LokiUrl, target.Location);
            Assert.Equal(["all"], target.Services);
            Assert.Equal("plex/0", target.Labels!["juju_unit"]);
        }
    }

    [Fact]
    public void Removing_loki_disables_its_log_targets()
    {
        plex.Deploy();
        var id = plex.Harness.AddRelation("logging", "loki", unitData: new Dictionary<string, string> { ["endpoint"] = $$"""{"url": "{{LokiUrl}}"}""" });

        plex.Harness.RemoveRelation(id);

        Assert.Equal(["-all"], plex.Harness.GetPlan("plex").LogTargets["loki/0"].Services);
    }

    [Fact]
    public async Task Charm_tracing_sends_the_charms_spans_to_tempos_otlp_http_receiver_until_the_relation_goes()
    {
        await using var tempo = await HttpFake.StartAsync(TestContext.Current.CancellationToken);
        tempo.Answer("POST", "/v1/traces", HttpFakeResponse.Empty(200));
        plex.Deploy();

        var id = plex.Harness.AddRelation("charm-tracing", "tempo", appData: new Dictionary<string, string>
        {
            ["receivers"] = $$"""[{"protocol": {"name": "otlp_http", "type": "http"}, "url": "{{tempo.BaseUrl.AbsoluteUri.TrimEnd('/')}}"}]""",
        });
        Assert.Equal("""["otlp_http"]""", plex.Harness.GetRelationData(id, "plex")["receivers"]);
        plex.Harness.Dispatch("update-status");

        var export = Assert.Single(tempo.Requests);
        Assert.Equal("/v1/traces", export.Path);
        Assert.Contains("\"update-status\"", export.Body, StringComparison.Ordinal);
        Assert.Contains("\"plex/0\"", export.Body, StringComparison.Ordinal);
        Assert.Equal("update-status", Assert.Single(plex.Harness.LastEvent.Spans, s => s.ParentSpanId is null).Name);

        plex.Harness.RemoveRelation(id);
        plex.Harness.Dispatch("update-status");

        Assert.Single(tempo.Requests);
    }

    [Fact]
    public void Without_charm_tracing_related_the_harness_still_shows_the_charms_spans()
    {
        plex.Deploy();

        plex.Harness.Dispatch("update-status");

        Assert.Contains(plex.Harness.LastEvent.Spans, s => s.Name == "emit update-status");
    }

    [Fact]
    public void The_exporter_job_scrapes_every_unit_on_the_exporters_port() =>
        Assert.Equal(["*:9594"], Assert.Single(PlexObservability.ExporterJob.StaticConfigs).Targets);

    [Fact]
    public void Unrelated_the_charm_writes_no_cos_data_and_adds_no_log_targets()
    {
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.Claimed("server-token-42"));

        Assert.Empty(plex.Harness.GetPlan("plex").LogTargets);
        Assert.Equal(Ops.Model.Status.Active(), plex.Harness.UnitStatus);
    }
}
