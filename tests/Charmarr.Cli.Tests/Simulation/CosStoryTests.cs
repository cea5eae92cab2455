using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Tests.Fixtures;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The COS part of plex-k8s's story: what the packed charm publishes to each stand-in, as simulate prints it.</summary>
public sealed class CosStoryTests(PackedPlexCharm charm) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-cos-test-").FullName;
    private readonly StringWriter output = new();
    private SimulatedUnit unit = null!;

    public async ValueTask InitializeAsync()
    {
        CharmArchive.Extract(charm.Path, directory);
        var scenarioPath = Path.Combine(RepositoryPaths.PlexCharm, "simulate.yaml");
        var scenario = ScenarioReader.Parse(File.ReadAllText(scenarioPath), scenarioPath);
        unit = await SimulatedUnit.StartAsync(directory, scenario, ShimLocator.Find());
        await new ScenarioPlayer(unit, new EventPrinter(output)).PlayAsync(scenario);
    }

    public async ValueTask DisposeAsync()
    {
        await unit.DisposeAsync();
        output.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Prometheus_is_shown_the_exporters_scrape_job_and_the_plex_alert_rules()
    {
        var text = output.ToString();

        Assert.Contains("""published to prometheus (app) scrape_jobs = [{"metrics_path": "/metrics", "static_configs": [{"targets": ["*:9594"]}]}]""", text, StringComparison.Ordinal);
        Assert.Contains("published to prometheus (app) alert_rules = 2 group(s): PlexDown, PlexExporterDown, HostDown, HostMetricsMissing", text, StringComparison.Ordinal);
        Assert.Contains("published to prometheus (unit) prometheus_scrape_unit_name = plex/0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Grafana_is_shown_the_plex_dashboard_loki_the_log_targets_and_tempo_the_request()
    {
        var text = output.ToString();

        Assert.Contains("published to grafana (app) dashboards = 1 dashboard(s): file:plex (plex-k8s, ", text, StringComparison.Ordinal);
        Assert.Contains("plex: Pebble log target loki/0 (loki, services all) → http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push", text, StringComparison.Ordinal);
        Assert.Contains("plex-exporter: Pebble log target loki/0 (loki, services all) → http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push", text, StringComparison.Ordinal);
        Assert.Contains("""published to tempo (app) receivers = ["otlp_http"]""", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exporter_runs_once_plex_is_claimed()
    {
        Assert.Equal("active", unit.Containers["plex-exporter"].GetServices("plex-exporter").Single().Current);
    }
}
