using Charmarr.Interfaces;
using Charmarr.Interfaces.GrafanaDashboard;
using Charmarr.Interfaces.LokiPushApi;
using Charmarr.Interfaces.PrometheusScrape;
using Charmarr.Interfaces.Tracing;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Observability;

/// <summary>
/// plex-k8s on the Canonical Observability Stack, every part optional: metrics-endpoint (the exporter's scrape job and
/// the alert rules), grafana-dashboard, logging (both containers' logs to Loki through Pebble log targets) and
/// charm-tracing (Charmarr.Ops' charm tracing: the charm's own spans, exported to Tempo's otlp_http receiver). The
/// interfaces act on their own relations' events; <see cref="ReconcileExporterAsync"/> runs the exporter sidecar.
/// </summary>
internal sealed class PlexObservability : CharmComponent
{
    /// <summary>The charm's scrape job: the exporter on every unit.</summary>
    public static readonly PrometheusScrapeJob ExporterJob = new([new PrometheusStaticConfig([$"*:{ExporterSidecar.Port}"])]);

    private readonly CharmModel model;
    private readonly ILogger logger;

    /// <summary>Creates the interfaces on the charm's endpoints.</summary>
    /// <param name="charm">The charm.</param>
    /// <param name="model">The Juju model.</param>
    /// <param name="logger">The charm's logger.</param>
    public PlexObservability(CharmObject charm, CharmModel model, ILogger logger)
        : base(charm, "cos")
    {
        this.model = model;
        this.logger = logger;
        Metrics = new MetricsEndpointProvider(charm, [ExporterJob], [PlexAlertRules.Group]);
        Dashboards = new GrafanaDashboardProvider(charm, () => [PlexDashboard.Load()]);
        Logging = new LokiLogForwarder(charm);
        Tracing = new CharmTracing(charm, "charm-tracing");

        // The library's refresh event: the exporter's container (re)started, perhaps with a new address.
        Observe<PebbleReadyEvent>(ExporterSidecar.ContainerName, _ => Metrics.Publish());
    }

    /// <summary>metrics-endpoint.</summary>
    public MetricsEndpointProvider Metrics { get; }

    /// <summary>grafana-dashboard.</summary>
    public GrafanaDashboardProvider Dashboards { get; }

    /// <summary>logging.</summary>
    public LokiLogForwarder Logging { get; }

    /// <summary>charm-tracing: where the charm's own spans go.</summary>
    public CharmTracing Tracing { get; }

    /// <summary>
    /// Runs the exporter once Plex is claimed (it needs the server's token); nothing while the exporter's container is
    /// not up or Plex is unclaimed.
    /// </summary>
    /// <returns>A task that completes when the exporter is configured.</returns>
    public async Task ReconcileExporterAsync()
    {
        var exporter = model.Unit.GetContainer(ExporterSidecar.ContainerName);
        if (!model.Unit.IsLeader || !await exporter.CanConnectAsync())
        {
            return;
        }

        var preferences = await PreferencesFile.ReadAsync(model.Unit.GetContainer(PlexWorkload.ContainerName));
        if (preferences?.OnlineToken is { } token)
        {
            try
            {
                await ExporterSidecar.EnsureRunningAsync(exporter, token, logger);
            }
            catch (PebbleChangeException e)
            {
                // The exporter is an extra: Plex stays active, and the next event tries again.
                logger.LogWarning("The Plex exporter did not start: {Message}", e.Message);
            }
        }
    }
}
