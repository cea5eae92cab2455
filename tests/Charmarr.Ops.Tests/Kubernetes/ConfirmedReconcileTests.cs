using Charmarr.Ops.Framework;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.State;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>
/// <see cref="StatefulSetReconciler.ReconcileIfChangedAsync"/>: a spec this unit confirmed in an earlier dispatch is not
/// read again, except after the events that may change the StatefulSet without the charm; the spec text behind it.
/// </summary>
public sealed class ConfirmedReconcileTests
{
    private static StatefulSetSpec Media(string claim = "media-claim") =>
        new("plex") { Volumes = { StatefulSetVolume.Pvc("media", claim, "/media") } };

    /// <summary>One dispatch's reconciler, its confirmation read from <paramref name="store"/>; <see cref="Commit"/> saves it.</summary>
    private StatefulSetReconciler Dispatch(SimulatedCluster cluster, string eventName, Dictionary<string, string> store) =>
        new(cluster.Api, SimulatedCluster.Namespace, SimulatedCluster.App)
        {
            Confirmation = new StatefulSetConfirmation(
                () =>
                {
                    var state = new StoredState<string>(
                        StatefulSetConfirmation.Key,
                        FrameworkJson.Default.String,
                        store.TryGetValue(StatefulSetConfirmation.Key, out var json) ? json : null,
                        () => string.Empty);
                    bound.Add(state);
                    return state;
                },
                eventName),
        };

    private readonly List<IStoredValue> bound = [];

    /// <summary>What the dispatch's commit would save: every stored value bound since the last commit.</summary>
    private void Commit(Dictionary<string, string> store)
    {
        foreach (var value in bound)
        {
            if (value.PendingJson is { } json)
            {
                store[value.Key] = json;
            }
        }

        bound.Clear();
    }

    [Fact]
    public async Task A_confirmed_spec_is_not_read_by_the_next_dispatch_of_an_ordinary_event()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        var store = new Dictionary<string, string>();
        var first = Dispatch(cluster, "config-changed", store);
        var patched = await first.ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);
        Commit(store);
        Assert.True(patched.Changed);
        cluster.Simulator.ClearRequests();

        var second = await Dispatch(cluster, "config-changed", store).ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);

        Assert.True(second.Skipped);
        Assert.False(second.Changed);
        Assert.Empty(cluster.Simulator.Requests);
    }

    [Theory]
    [InlineData("install")]
    [InlineData("start")]
    [InlineData("upgrade-charm")]
    [InlineData("leader-elected")]
    [InlineData("update-status")]
    public async Task Events_after_which_the_statefulset_may_have_changed_read_it_even_when_confirmed(string eventName)
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        var store = new Dictionary<string, string>();
        var first = Dispatch(cluster, "config-changed", store);
        await first.ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);
        Commit(store);
        cluster.Simulator.StatefulSets.Put(SimulatedCluster.JujuStatefulSet()); // Juju rewrote it, dropping the volume
        cluster.Simulator.ClearRequests();

        var result = await Dispatch(cluster, eventName, store).ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);

        Assert.False(result.Skipped);
        Assert.True(result.Changed);
        Assert.Contains("media", cluster.VolumeNames());
    }

    [Fact]
    public async Task A_different_spec_is_read_and_patched_although_another_was_confirmed()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        var store = new Dictionary<string, string>();
        var first = Dispatch(cluster, "config-changed", store);
        await first.ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);
        Commit(store);

        var result = await Dispatch(cluster, "config-changed", store).ReconcileIfChangedAsync(Media("other-claim"), TestContext.Current.CancellationToken);

        Assert.False(result.Skipped);
        Assert.True(result.Changed);
    }

    [Fact]
    public async Task A_reconciler_made_outside_a_dispatch_always_reads()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        var reconciler = new StatefulSetReconciler(cluster.Api, SimulatedCluster.Namespace, SimulatedCluster.App);
        await reconciler.ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);
        cluster.Simulator.ClearRequests();

        var again = await reconciler.ReconcileIfChangedAsync(Media(), TestContext.Current.CancellationToken);

        Assert.False(again.Skipped);
        Assert.Contains(cluster.Simulator.Requests, r => r.Method == "GET");
    }

    [Fact]
    public void Equal_specs_have_equal_texts()
    {
        Assert.Equal(
            StatefulSetSpecText.Compute("media", "plex", Media()),
            StatefulSetSpecText.Compute("media", "plex", Media()));
    }

    public static TheoryData<string> Changes => new(
        "claim", "mount path", "read-only", "sub-path", "absent volume", "host path", "fs group", "absent fs group",
        "supplemental group", "absent supplemental group", "privileged", "limit", "absent limit", "namespace", "container");

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_to_what_the_spec_asks_changes_the_text(string change)
    {
        var spec = Media();
        var (namespaceName, container) = ("media", "plex");
        switch (change)
        {
            case "claim": spec.Volumes[0] = StatefulSetVolume.Pvc("media", "other", "/media"); break;
            case "mount path": spec.Volumes[0] = StatefulSetVolume.Pvc("media", "media-claim", "/srv"); break;
            case "read-only": spec.Volumes[0] = StatefulSetVolume.Pvc("media", "media-claim", "/media") with { ReadOnly = true }; break;
            case "sub-path": spec.Volumes[0] = StatefulSetVolume.Pvc("media", "media-claim", "/media") with { SubPath = "films" }; break;
            case "absent volume": spec.Volumes.Add(StatefulSetVolume.Absent("dev-dri")); break;
            case "host path": spec.Volumes.Add(StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory)); break;
            case "fs group": spec.PodFsGroup = 1000; break;
            case "absent fs group": spec.PodFsGroup = Desired.Absent<long>(); break;
            case "supplemental group": spec.SupplementalGroups.Add(44); break;
            case "absent supplemental group": spec.AbsentSupplementalGroups.Add(44); break;
            case "privileged": spec.Privileged = true; break;
            case "limit": spec.ResourceLimits["gpu.intel.com/i915"] = "1"; break;
            case "absent limit": spec.AbsentResourceLimits.Add("gpu.intel.com/i915"); break;
            case "namespace": namespaceName = "other"; break;
            case "container": container = "web"; break;
        }

        var changed = container == "plex" ? spec : new StatefulSetSpec(container) { Volumes = { spec.Volumes[0] } };
        Assert.NotEqual(
            StatefulSetSpecText.Compute("media", "plex", Media()),
            StatefulSetSpecText.Compute(namespaceName, "plex", changed));
    }
}
