using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Model;
using Charmarr.PlexK8s.Claim;
using Charmarr.PlexK8s.Configuration;
using Charmarr.PlexK8s.Observability;
using Charmarr.PlexK8s.Reconcile;

namespace Charmarr.PlexK8s;

/// <summary>
/// The Plex Media Server charm: one reconciler for every event that may change what Plex should be, the claim-server
/// action, and the status the last of them arrived at.
/// </summary>
internal sealed class PlexCharm : CharmBase
{
    private readonly PlexReconciler reconciler;
    private readonly ClaimServerAction claimServer;
    private readonly CharmLogLevel logLevel;
    private readonly PlexObservability observability;
    private Status? status;

    /// <summary>Creates the charm for one dispatch.</summary>
    /// <param name="framework">The dispatch's framework.</param>
    /// <param name="statefulSet">The application's own StatefulSet.</param>
    /// <param name="plexTv">plex.tv's claim exchange.</param>
    /// <param name="plexServer">The Plex server's API.</param>
    /// <param name="options">Endpoints and timings.</param>
    /// <param name="logLevel">The log-level switch.</param>
    public PlexCharm(
        CharmFramework framework,
        StatefulSetReconciler statefulSet,
        PlexTvClient plexTv,
        PlexServerClient plexServer,
        PlexOptions options,
        CharmLogLevel logLevel)
        : base(framework)
    {
        this.logLevel = logLevel;
        var relations = new PlexRelations(
            new MediaStorageRequirer(this, "media-storage"),
            new MediaServerProvider(this, "media-server"),
            new IstioIngressRouteRequirer(this, "ingress"));
        reconciler = new PlexReconciler(Model, relations, statefulSet, Logger);
        claimServer = new ClaimServerAction(Model, relations.MediaStorage, plexTv, plexServer, options, Logger);
        observability = new PlexObservability(this, Model, Logger);

        // Every line of this dispatch (the framework's and the interfaces' too) obeys log-level, read from config when the
        // first line below error is about to be written: a line the operator did not ask for would cost a juju-log round
        // trip, and reading the config up front would cost a config-get even in a dispatch that logs nothing.
        logLevel.ReadFrom(() => PlexConfig.Read(Model.Config).LogLevel);
        ObserveReconcile(OnReconcileAsync);
        ObserveAction("claim-server", () => PlexJson.Default.ClaimServerParams, OnClaimServerAsync);
        Observe<CollectUnitStatusEvent>(OnCollectUnitStatus);
    }

    // A relation event also raises the interface's changed event; one reconcile per dispatch is enough.
    private async Task OnReconcileAsync(CharmEvent e)
    {
        if (status is null)
        {
            status = await reconciler.ReconcileAsync();

            // The exporter needs a claimed, running Plex: only after a reconcile that got that far.
            if (status == PlexStatuses.Claimed)
            {
                await observability.ReconcileExporterAsync();
            }
        }
    }

    private async Task OnClaimServerAsync(ActionEvent e, ClaimServerParams parameters)
    {
        if (await claimServer.RunAsync(e, parameters))
        {
            status = PlexStatuses.Claimed;
        }
    }

    private void OnCollectUnitStatus(CollectUnitStatusEvent e)
    {
        if (status is not null)
        {
            e.AddStatus(status);
        }
    }
}
