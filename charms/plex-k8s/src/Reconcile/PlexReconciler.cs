using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.PlexK8s.Configuration;
using Charmarr.PlexK8s.Storage;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Reconcile;

/// <summary>
/// Brings the unit to what the model asks for, in the design record's phases and order, and says where it stopped as
/// a status. Every phase is idempotent, so it runs whole on every reconcilable event.
/// </summary>
internal sealed class PlexReconciler
{
    private readonly CharmModel model;
    private readonly PlexRelations relations;
    private readonly StatefulSetReconciler statefulSet;
    private readonly ILogger logger;
    private Status storageStatus = PlexStatuses.NoMediaStorage;

    /// <summary>Creates the reconciler for one dispatch.</summary>
    /// <param name="model">The Juju model.</param>
    /// <param name="relations">The charm's relation interfaces.</param>
    /// <param name="statefulSet">The application's own StatefulSet.</param>
    /// <param name="logger">The charm's logger.</param>
    public PlexReconciler(CharmModel model, PlexRelations relations, StatefulSetReconciler statefulSet, ILogger logger)
    {
        this.model = model;
        this.relations = relations;
        this.statefulSet = statefulSet;
        this.logger = logger;
    }

    private Container Plex => model.Unit.GetContainer(PlexWorkload.ContainerName);

    /// <summary>Runs the phases; what the operator can fix becomes a status, not a failed hook.</summary>
    /// <returns>The unit's status.</returns>
    public async Task<Status> ReconcileAsync()
    {
        try
        {
            return await RunPhasesAsync(PlexConfig.Read(model.Config));
        }
        catch (InvalidConfigException e)
        {
            return Status.Blocked(e.Message);
        }
        catch (KubernetesForbiddenException e)
        {
            logger.LogError("{Message}", e.Message);
            return PlexStatuses.NeedsTrust(model.App.Name);
        }
        catch (KubernetesException e) when (e is KubernetesTimeoutException or KubernetesConnectionException)
        {
            // Retried within the hook's budget already; the next event (update-status at the latest) tries again.
            logger.LogError("{Message}", e.Message);
            return PlexStatuses.KubernetesUnreachable;
        }
        catch (PebbleConnectionException e)
        {
            logger.LogInformation("Lost the plex container's Pebble mid-reconcile ({Message}); waiting for it", e.Message);
            return PlexStatuses.WaitingForPebble;
        }
    }

    private async Task<Status> RunPhasesAsync(PlexConfig config)
    {
        // 1. Pebble reachable?
        if (!await Plex.CanConnectAsync())
        {
            return PlexStatuses.WaitingForPebble;
        }

        // 2. Only the leader runs Plex (SQLite: one server).
        if (!model.Unit.IsLeader)
        {
            return await StandByAsync();
        }

        WarnIfScaledOut();

        // 3. Media storage.
        if (ReadMediaStorage() is not { } storage)
        {
            return storageStatus;
        }

        var owner = new FileOwner(storage.Puid, storage.Pgid);

        // 3 and 4. Shared PVC and hardware transcoding in the StatefulSet: read only when the wish changed since it was last
        // confirmed or the event may have changed the StatefulSet under us; patched only when different.
        await ReconcileStatefulSetAsync(storage, config.HardwareTranscoding);

        // 5. The chores the image's init would have done.
        await WorkloadChores.RunAsync(Plex, owner, logger);

        // 6. The Pebble layer; replanned only when it changed.
        if (await Plex.EnsureLayerAsync(PlexLayer.Label, PlexLayer.ForLeader(owner, config.Timezone)))
        {
            logger.LogInformation("Plex's Pebble layer changed; replanned");
        }

        // 7. Healthy?
        if (!await PlexHealth.IsReadyAsync(Plex))
        {
            return PlexStatuses.StartingPlex;
        }

        // 8. Publish media-server, make the internal URL a custom connection, open the port.
        var claim = await PublishMediaServerAsync(owner);

        // 9. Ingress.
        SubmitIngressRoute(config.IngressPort);

        return claim;
    }

    private async Task<Status> StandByAsync()
    {
        // The check alone keeps this unit out of the Service's endpoints. Added without a replan: a replan would start a
        // plex service this unit may still have in its plan from when it was leader.
        await Plex.AddLayerAsync(PlexLayer.StandbyLabel, PlexLayer.ForStandby(), combine: true);
        if (await Plex.GetServiceAsync(PlexWorkload.ServiceName) is { IsRunning: true })
        {
            logger.LogInformation("Stopping Plex: this unit is no longer the leader, and only the leader runs Plex");
            await Plex.StopAsync(PlexWorkload.ServiceName);
        }

        return model.App.PlannedUnits() > 1 ? PlexStatuses.ScalingNotSupported : PlexStatuses.Standby;
    }

    private void WarnIfScaledOut()
    {
        var units = model.App.PlannedUnits();
        if (units > 1)
        {
            logger.LogWarning(
                "Scaling > 1 is not supported ({Units} units planned): Plex's SQLite database allows one server, so non-leader units stand by. Run: juju scale-application {App} 1",
                units,
                model.App.Name);
        }
    }

    private MediaStorageProviderData? ReadMediaStorage()
    {
        var read = relations.MediaStorage.ReadProvider();
        var problem = read.IsInvalid ? read.Problem : read.Data is { } data ? MediaStorageCheck.Problem(data) : null;
        if (problem is not null)
        {
            logger.LogWarning("Ignoring the media-storage data: {Problem}. Check the storage charm's configuration.", problem);
            storageStatus = PlexStatuses.InvalidMediaStorage(problem);
            return null;
        }

        storageStatus = PlexStatuses.NoMediaStorage;
        return read.Data;
    }

    private async Task ReconcileStatefulSetAsync(MediaStorageProviderData storage, bool hardwareTranscoding)
    {
        var spec = PlexPodSpec.Create();
        spec.MountSharedMedia(storage);
        spec.ApplyHardwareTranscoding(hardwareTranscoding);
        var result = await statefulSet.ReconcileIfChangedAsync(spec);
        if (result.Changed)
        {
            logger.LogInformation("Updated the StatefulSet ({Changes}); Kubernetes restarts the pod", string.Join("; ", result.Changes));
        }
    }

    private async Task<Status> PublishMediaServerAsync(FileOwner owner)
    {
        var internalUrl = PlexWorkload.InternalUrl(model.App.Name, model.Name);
        relations.MediaServer.PublishData(new MediaServerProviderData(model.App.Name, internalUrl));
        model.Unit.SetPorts(Port.Tcp(PlexWorkload.Port));
        try
        {
            var preferences = await PreferencesFile.ReadAsync(Plex);
            if (preferences is null)
            {
                return PlexStatuses.Unclaimed;
            }

            if (preferences.EnsureCustomConnection(internalUrl))
            {
                await PreferencesFile.WriteAsync(Plex, preferences, owner);
                logger.LogInformation("Added {Url} to Plex's custom server access URLs", internalUrl);
            }

            return preferences.IsClaimed ? PlexStatuses.Claimed : PlexStatuses.Unclaimed;
        }
        catch (PreferencesFormatException e)
        {
            logger.LogWarning("{Message}", e.Message);
            return Status.Blocked(e.Message);
        }
    }

    private void SubmitIngressRoute(int port)
    {
        if (!relations.Ingress.IsReady())
        {
            return;
        }

        var listener = new Listener(port, IngressProtocol.Http);
        var route = new HttpRoute(
            Name: model.App.Name,
            Listener: listener,
            Backends: [new BackendRef(model.App.Name, PlexWorkload.Port)],
            Matches: [new HttpRouteMatch(Path: new HttpPathMatch("/", HttpPathMatchType.PathPrefix))]);
        relations.Ingress.SubmitConfig(new IstioIngressRouteConfig(model.Name, [listener], [route]));
    }
}
