using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Microsoft.Extensions.Logging;

namespace Charmling;

/// <summary>
/// Runs the workload under Pebble. Every event that can change the desired state goes to one reconcile handler, which
/// brings the workload to what the config asks for; collect-status then says how far that got.
/// </summary>
internal sealed class CharmlingCharm : CharmBase
{
    private const string ContainerName = "workload";

    private readonly WorkloadLayer layer;

    public CharmlingCharm(CharmFramework framework, WorkloadLayer layer)
        : base(framework)
    {
        this.layer = layer;
        ObserveReconcile(ReconcileAsync);
        ObserveAction("restart", () => CharmlingJson.Default.RestartParams, OnRestartAsync);
        Observe<CollectUnitStatusEvent>(OnCollectUnitStatusAsync);
    }

    private Container Workload => Model.Unit.GetContainer(ContainerName);

    private async Task ReconcileAsync(CharmEvent e)
    {
        var config = CharmlingConfig.From(Model.Config);
        if (config.Problem is not null)
        {
            return; // collect-status reports it; the workload keeps its last good plan
        }

        if (!await Workload.CanConnectAsync())
        {
            return; // workload-pebble-ready comes once Pebble is up
        }

        if (await Workload.EnsureLayerAsync("charmling", layer.Build(config.Port)))
        {
            Logger.LogInformation("Workload replanned on port {Port}", config.Port);
        }

        Model.Unit.SetPorts(Port.Tcp((int)config.Port));
    }

    private async Task OnRestartAsync(ActionEvent e, RestartParams parameters)
    {
        if (!await Workload.CanConnectAsync() || await Workload.GetServiceAsync(WorkloadLayer.ServiceName) is null)
        {
            e.Fail("the workload is not running yet; retry once the unit is active");
            return;
        }

        Logger.LogInformation("Restarting the workload ({Reason})", parameters.Reason ?? "no reason given");
        await Workload.RestartAsync(WorkloadLayer.ServiceName);
        e.SetResult("restarted", WorkloadLayer.ServiceName);
    }

    private async Task OnCollectUnitStatusAsync(CollectUnitStatusEvent e)
    {
        var config = CharmlingConfig.From(Model.Config);
        if (config.Problem is { } problem)
        {
            e.AddStatus(Status.Blocked(problem));
        }

        if (!await Workload.CanConnectAsync())
        {
            e.AddStatus(Status.Waiting("waiting for Pebble in the workload container"));
        }
        else if ((await Workload.GetServiceAsync(WorkloadLayer.ServiceName))?.Current != ServiceStatus.Active)
        {
            e.AddStatus(Status.Maintenance("the workload is not running yet"));
        }

        e.AddStatus(Status.Active($"serving HTTP on port {config.Port}"));
    }
}
