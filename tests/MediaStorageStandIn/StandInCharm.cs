using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;

namespace Charmarr.MediaStorageStandIn;

/// <summary>Publishes its config on every media-storage relation (leader only) and says so in its status.</summary>
internal sealed class StandInCharm : CharmBase
{
    private readonly MediaStorageProvider storage;

    public StandInCharm(CharmFramework framework)
        : base(framework)
    {
        storage = new MediaStorageProvider(this);
        ObserveReconcile(PublishAsync);
        Observe<CollectUnitStatusEvent>(OnCollectUnitStatus);
    }

    private MediaStorageProviderData Data => new(
        Model.Config.GetString("pvc-name") ?? "charmarr-shared-data",
        Model.Config.GetString("mount-path") ?? "/data",
        (int)(Model.Config.GetInt("puid") ?? 1000),
        (int)(Model.Config.GetInt("pgid") ?? 1000));

    private Task PublishAsync(CharmEvent e)
    {
        if (Model.Unit.IsLeader)
        {
            storage.PublishData(Data);
        }

        return Task.CompletedTask;
    }

    private void OnCollectUnitStatus(CollectUnitStatusEvent e) =>
        e.AddStatus(Status.Active($"Publishing {Data.PvcName} at {Data.MountPath}"));
}
