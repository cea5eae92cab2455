using Charmarr.Interfaces.Observability;

namespace Charmarr.Interfaces.Tests.Observability;

/// <summary>
/// Relation data the Python COS libraries write, as Python's json.dumps prints it (printed by python3 from the structures
/// the libraries build: prometheus_scrape v0.61, grafana_dashboard v0.48, loki_push_api v1, tracing v0.8, cosl 1.x).
/// </summary>
internal static class CosGolden
{
    public static readonly JujuTopology Topology = new("media", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "plex", "plex/0", "plex-k8s");

    public const string ScrapeMetadata = """{"model": "media", "model_uuid": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "application": "plex", "unit": "plex/0", "charm_name": "plex-k8s"}""";

    public const string ScrapeJobs = """[{"metrics_path": "/metrics", "static_configs": [{"targets": ["*:9594"]}]}, {"metrics_path": "/metrics", "static_configs": [{"targets": ["*:9594"], "labels": {"a": "b"}}], "job_name": "plex", "scrape_interval": "30s"}]""";

    public const string DefaultScrapeJobs = """[{"metrics_path": "/metrics", "static_configs": [{"targets": ["*:80"]}]}]""";

    public const string AlertRules = """{"groups": [{"name": "media_1b2c3d4e_plex_plex_rules", "rules": [{"alert": "PlexExporterDown", "expr": "up{juju_application=\"plex\",juju_model=\"media\",juju_model_uuid=\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\"} < 1", "for": "5m", "labels": {"severity": "critical", "juju_model": "media", "juju_model_uuid": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "juju_application": "plex", "juju_charm": "plex-k8s"}, "annotations": {"summary": "s"}}]}, {"name": "media_1b2c3d4e_plex_HostHealth_rules", "rules": [{"alert": "HostDown", "expr": "up{juju_application=\"plex\",juju_model=\"media\",juju_model_uuid=\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\"} < 1", "for": "5m", "labels": {"severity": "critical", "juju_model": "media", "juju_model_uuid": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "juju_application": "plex", "juju_charm": "plex-k8s"}, "annotations": {"summary": "Host '{{ $labels.instance }}' is down.", "description": "Juju application '{{ $labels.juju_application }}' in model '{{ $labels.juju_model }}' is down. Prometheus has been unable to scrape it during at least the past five minutes."}}, {"alert": "HostMetricsMissing", "expr": "absent(up{juju_application=\"plex\",juju_model=\"media\",juju_model_uuid=\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\"})", "for": "5m", "labels": {"severity": "warning", "juju_model": "media", "juju_model_uuid": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "juju_application": "plex", "juju_charm": "plex-k8s"}, "annotations": {"summary": "Unit '{{ $labels.juju_unit }}' of application '{{ $labels.juju_application }}' is down or failing to remote write.", "description": "`Up` missing for unit '{{ $labels.juju_unit }}' of application {{ $labels.juju_application }} in model {{ $labels.juju_model }}. Please ensure the unit or the collector scraping it is up and is able to successfully reach the metrics backend."}}]}]}""";

    public const string DashboardSource = """{"title":"Plex","uid":"old","panels":[{"id":1,"gridPos":{"h":8.0,"w":12},"thresholds":[0.5,1e-05,100]}],"tags":["media"],"schemaVersion":39}""";

    /// <summary>json.dumps of the dashboard after the library's uid (shake_256("plex-k8s-src/grafana_dashboards/plex.json")) and tag.</summary>
    public const string DashboardContent = """{"title": "Plex", "uid": "2386e4d1f0c36c90250d31f97dbd745a365e8468", "panels": [{"id": 1, "gridPos": {"h": 8.0, "w": 12}, "thresholds": [0.5, 1e-05, 100]}], "tags": ["media", "charm: plex-k8s"], "schemaVersion": 39}""";

    /// <summary>shake_256("plex-k8s-file:plex").hexdigest(8).</summary>
    public const string DashboardAltUid = "d4077c2b8f849fea";

    public const string DashboardTopology = """{"model": "media", "model_uuid": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "application": "plex", "unit": "plex/0"}""";

    public const string TracingRequest = """["otlp_http"]""";

    public const string TempoReceivers = """[{"protocol": {"name": "otlp_grpc", "type": "grpc"}, "url": "tempo.cos.svc.cluster.local:4317"}, {"protocol": {"name": "otlp_http", "type": "http"}, "url": "http://tempo.cos.svc.cluster.local:4318"}]""";

    public const string LokiEndpoint = """{"url": "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push"}""";
}
