using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.State;

namespace Charmarr.Ops.AotSmoke;

/// <summary>
/// A charm that touches each part of the SDK a real charm does: a reconciler over typed events, a Pebble layer over the
/// real client, its StatefulSet through the real Kubernetes client, a relation interface's JSON, a typed action, stored
/// state and collect-status.
/// </summary>
internal sealed class SmokeCharm : CharmBase
{
    public const string Metadata = """
        name: smoke
        summary: Native AOT smoke test.
        containers:
          workload:
            resource: workload-image
        resources:
          workload-image:
            type: oci-image
        requires:
          media-storage:
            interface: media_storage
            limit: 1
        config:
          options:
            greeting:
              type: string
              default: hello
              description: What the workload says.
        actions:
          echo:
            params:
              text:
                type: string
              times:
                type: integer
            required: [text]
        """;

    private readonly StatefulSetReconciler statefulSet;
    private readonly MediaStorageRequirer storage;
    private readonly StoredState<SmokeState> state;

    public SmokeCharm(CharmFramework framework, StatefulSetReconciler statefulSet)
        : base(framework)
    {
        this.statefulSet = statefulSet;
        storage = new MediaStorageRequirer(this);
        state = GetStoredState(SmokeJson.Default.SmokeState, () => new SmokeState(0));
        ObserveReconcile(ReconcileAsync);
        ObserveAction("echo", SmokeJson.Default.EchoParams, OnEcho);
        Observe<CollectUnitStatusEvent>(OnCollectUnitStatus);
    }

    private async Task ReconcileAsync(CharmEvent e)
    {
        state.Value = state.Value with { Reconciles = state.Value.Reconciles + 1 };
        var workload = Model.Unit.GetContainer("workload");
        if (!await workload.CanConnectAsync())
        {
            return;
        }

        var greeting = Model.Config.GetString("greeting") ?? "hello";
        await workload.EnsureLayerAsync("workload", PebbleLayer.Parse($"""
            services:
              workload:
                override: replace
                command: /bin/echo {greeting}
                startup: enabled
            """));

        if (storage.GetProvider() is { } media)
        {
            var spec = new StatefulSetSpec("workload");
            spec.Volumes.Add(StatefulSetVolume.Pvc("media", media.PvcName, media.MountPath));
            await statefulSet.ReconcileAsync(spec);
        }
    }

    private void OnEcho(ActionEvent e, EchoParams parameters) =>
        e.SetResult("echo", string.Join(' ', Enumerable.Repeat(parameters.Text, parameters.Times ?? 1)));

    private void OnCollectUnitStatus(CollectUnitStatusEvent e)
    {
        if (!storage.IsReady())
        {
            e.AddStatus(Status.Blocked("needs media-storage"));
        }

        e.AddStatus(Status.Active($"reconciled {state.Value.Reconciles} time(s)"));
    }
}
