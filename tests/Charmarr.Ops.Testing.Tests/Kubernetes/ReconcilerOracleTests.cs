using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>
/// The patches the reconciler really sends, replayed through <c>kubectl patch --local</c>: Kubernetes' own patch code
/// must arrive at the StatefulSet the simulator stored, so the helper's patches mean in a cluster what they mean in tests.
/// </summary>
public sealed class ReconcilerOracleTests
{
    private static readonly Dictionary<string, Func<StatefulSetSpec>[]> Journeys = new()
    {
        ["storage, then hardware transcoding on, then off"] =
        [
            () => Plex(),
            () => Plex(spec =>
            {
                spec.Volumes.Add(StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory));
                spec.Privileged = true;
                spec.SupplementalGroups.Add(110);
                spec.ResourceLimits["gpu.intel.com/i915"] = "1";
            }),
            () => Plex(spec =>
            {
                spec.Volumes.Add(StatefulSetVolume.Absent("dev-dri"));
                spec.Privileged = false;
                spec.AbsentSupplementalGroups.Add(110);
                spec.AbsentResourceLimits.Add("gpu.intel.com/i915");
            }),
        ],
        ["a new claim, a moved mount and a removed volume in one call"] =
        [
            () => Plex(spec => spec.Volumes.Add(StatefulSetVolume.Pvc("transcode", "plex-transcode", "/transcode"))),
            () => new StatefulSetSpec("plex")
            {
                Volumes =
                {
                    StatefulSetVolume.Pvc("charmarr-shared-data", "charmarr-shared-media-2", "/media") with { ReadOnly = true },
                    StatefulSetVolume.Absent("transcode"),
                },
                PodFsGroup = Desired.Absent<long>(),
            },
        ],
    };

    public static TheoryData<string> JourneyNames => new(Journeys.Keys);

    [Theory]
    [MemberData(nameof(JourneyNames))]
    public async Task Kubectl_applying_the_sent_patches_arrives_at_the_stored_StatefulSet(string journey)
    {
        var simulator = new KubernetesSimulator();
        simulator.StatefulSets.Put(JujuStatefulSet.Load());
        var reconciler = new StatefulSetReconciler(simulator.Api, JujuStatefulSet.Namespace, JujuStatefulSet.Name);
        var replayed = simulator.StatefulSets.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!;

        foreach (var spec in Journeys[journey])
        {
            await reconciler.ReconcileAsync(spec(), TestContext.Current.CancellationToken);
        }

        var patches = simulator.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.True(patches.Count >= Journeys[journey].Length, "every step should have patched");
        foreach (var patch in patches)
        {
            var type = patch.MediaType == "application/json-patch+json" ? "json" : "strategic";
            var (result, error) = Kubectl.Patch(replayed, type, patch.Body!);
            replayed = result ?? throw new InvalidOperationException($"kubectl refused a patch the simulator applied: {error}\n{patch.Body}");
        }

        JsonAssert.Equal(WithoutServerFields(replayed), WithoutServerFields(simulator.StatefulSets.Get(JujuStatefulSet.Namespace, JujuStatefulSet.Name)!));
    }

    private static StatefulSetSpec Plex(Action<StatefulSetSpec>? more = null)
    {
        var spec = new StatefulSetSpec("plex")
        {
            Volumes = { StatefulSetVolume.Pvc("charmarr-shared-data", "charmarr-shared-media", "/data") },
            PodFsGroup = 1000,
        };
        more?.Invoke(spec);
        return spec;
    }

    /// <summary>Drops what the API server (and the simulator) own: kubectl --local leaves them as they were.</summary>
    private static JsonObject WithoutServerFields(JsonObject statefulSet)
    {
        var copy = statefulSet.DeepClone().AsObject();
        copy["metadata"]!.AsObject().Remove("resourceVersion");
        copy["metadata"]!.AsObject().Remove("generation");
        return copy;
    }
}
