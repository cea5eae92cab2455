using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>What the plex charm does with its StatefulSet: shared storage with fsGroup, hardware transcoding on and off.</summary>
public sealed class PlexScenarioTests
{
    private static StatefulSetSpec Plex(bool hardwareTranscoding)
    {
        var spec = new StatefulSetSpec("plex")
        {
            Volumes = { StatefulSetVolume.Pvc("charmarr-shared-data", "charmarr-shared-media", "/data") },
            PodFsGroup = 1000,
        };
        if (hardwareTranscoding)
        {
            spec.Volumes.Add(StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory));
            spec.Privileged = true;
            spec.SupplementalGroups.Add(110);
            spec.ResourceLimits[ChangeKinds.Limit] = "1";
        }
        else
        {
            spec.Volumes.Add(StatefulSetVolume.Absent("dev-dri"));
            spec.Privileged = false;
            spec.AbsentSupplementalGroups.Add(110);
            spec.AbsentResourceLimits.Add(ChangeKinds.Limit);
        }

        return spec;
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Storage_and_hardware_transcoding_go_out_as_one_strategic_merge_patch_listing_every_change(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);

        var result = await cluster.ReconcileAsync(Plex(hardwareTranscoding: true));

        Assert.Equal(
            [
                "container plex: mounted charmarr-shared-data at /data",
                "volume charmarr-shared-data: added (persistentVolumeClaim charmarr-shared-media)",
                "container plex: mounted dev-dri at /dev/dri",
                "volume dev-dri: added (hostPath /dev/dri (Directory))",
                "pod securityContext.fsGroup: 1000 (was unset)",
                "pod securityContext.supplementalGroups: [110] (was unset)",
                "container plex: securityContext.privileged: true",
                "container plex: resources.limits[gpu.intel.com/i915]: 1 (was unset)",
            ],
            result.Changes);
        Assert.Single(cluster.Patches);
        Assert.Equal(["charmarr-shared-data", "dev-dri", "charm-data"], cluster.VolumeNames());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"fsGroup":1000,"supplementalGroups":[110]}"""), cluster.PodSpec["securityContext"]));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Turning_hardware_transcoding_off_is_one_guarded_JSON_patch_that_leaves_storage_alone(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(Plex(hardwareTranscoding: true));

        var result = await cluster.ReconcileAsync(Plex(hardwareTranscoding: false));

        Assert.Equal(
            [
                "container plex: unmounted dev-dri from /dev/dri",
                "volume dev-dri: removed",
                "pod securityContext.supplementalGroups: removed (was [110])",
                "container plex: securityContext.privileged: removed (was true)",
                "container plex: resources.limits[gpu.intel.com/i915]: removed (was 1)",
            ],
            result.Changes);
        var patch = Assert.Single(cluster.Patches);
        Assert.Equal("application/json-patch+json", patch.MediaType);
        Assert.Equal(["charmarr-shared-data", "charm-data"], cluster.VolumeNames());
        Assert.DoesNotContain("/dev/dri", cluster.MountPaths("plex"));
        Assert.Contains("/data", cluster.MountPaths("plex"));
        Assert.Null(cluster.Container("plex")["securityContext"]!["privileged"]);
        Assert.Null(cluster.PodSpec["securityContext"]!["supplementalGroups"]);
        Assert.Equal(1000, (long)cluster.PodSpec["securityContext"]!["fsGroup"]!);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Every_later_hook_with_the_same_state_only_reads(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(Plex(hardwareTranscoding: true));
        var generation = (long)cluster.StatefulSet["metadata"]!["generation"]!;

        for (var hook = 0; hook < 3; hook++)
        {
            Assert.False((await cluster.ReconcileAsync(Plex(hardwareTranscoding: true))).Changed);
        }

        Assert.All(cluster.Simulator.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal(3, cluster.Simulator.Requests.Count);
        Assert.Equal(generation, (long)cluster.StatefulSet["metadata"]!["generation"]!);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Removals_and_additions_in_one_call_send_the_JSON_patch_first_then_the_strategic_merge_patch(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(Plex(hardwareTranscoding: true));
        var spec = Plex(hardwareTranscoding: false);
        spec.Volumes.Add(StatefulSetVolume.Pvc("transcode", "plex-transcode", "/transcode"));

        var result = await cluster.ReconcileAsync(spec);

        Assert.Equal(["application/json-patch+json", "application/strategic-merge-patch+json"], cluster.Patches.Select(p => p.MediaType));
        Assert.Equal(["transcode", "charmarr-shared-data", "charm-data"], cluster.VolumeNames());
        Assert.Contains("volume dev-dri: removed", result.Changes);
        Assert.Contains("volume transcode: added (persistentVolumeClaim plex-transcode)", result.Changes);
    }

    [Fact]
    public async Task A_changed_pod_template_rolls_the_pod_once_per_patch_and_the_spec_generation_says_so()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        var before = (long)cluster.StatefulSet["metadata"]!["generation"]!;

        await cluster.ReconcileAsync(Plex(hardwareTranscoding: true));

        Assert.Equal(before + 1, (long)cluster.StatefulSet["metadata"]!["generation"]!);
        Assert.True(JsonNode.DeepEquals(SimulatedCluster.JujuStatefulSet()["status"], cluster.StatefulSet["status"]));
    }
}
