using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>Volumes and mounts among others: indexes, updates in place, moves, shared volumes, server defaults, concurrent changes.</summary>
public sealed class VolumeReconcileTests
{
    private const string PodSpecPath = "/spec/template/spec";

    /// <summary>The Juju StatefulSet with more volumes and plex mounts around the ones the tests remove.</summary>
    private static JsonObject Crowded()
    {
        var statefulSet = SimulatedCluster.JujuStatefulSet();
        var podSpec = statefulSet["spec"]!["template"]!["spec"]!;
        var volumes = podSpec["volumes"]!.AsArray();
        volumes.Insert(0, Node("""{"name":"a","emptyDir":{}}"""));
        volumes.Add(Node("""{"name":"dev-dri","hostPath":{"path":"/dev/dri","type":"Directory"}}"""));
        volumes.Add(Node("""{"name":"b","emptyDir":{}}"""));
        volumes.Add(Node("""{"name":"transcode","persistentVolumeClaim":{"claimName":"plex-transcode"}}"""));
        var mounts = podSpec["containers"]![1]!["volumeMounts"]!.AsArray();
        mounts.Insert(1, Node("""{"name":"a","mountPath":"/a"}"""));
        mounts.Insert(3, Node("""{"name":"dev-dri","mountPath":"/dev/dri"}"""));
        mounts.Add(Node("""{"name":"transcode","mountPath":"/transcode"}"""));
        mounts.Add(Node("""{"name":"b","mountPath":"/b"}"""));
        return statefulSet;
    }

    private static JsonNode Node(string json) => JsonNode.Parse(json)!;

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Removals_among_other_volumes_and_mounts_use_the_right_indexes_highest_first(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());
        Assert.Equal(["a", "charm-data", "dev-dri", "b", "transcode"], cluster.VolumeNames());
        Assert.Equal(["/charm/bin/pebble", "/a", "/charm/container", "/dev/dri", "/config", "/transcode", "/b"], cluster.MountPaths("plex"));

        await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("dev-dri"), StatefulSetVolume.Absent("transcode") } });

        var mounts = $"{PodSpecPath}/containers/1/volumeMounts";
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""
                [
                  {"op":"test","path":"{{PodSpecPath}}/containers/1/name","value":"plex"},
                  {"op":"test","path":"{{mounts}}/5/name","value":"transcode"},
                  {"op":"test","path":"{{mounts}}/5/mountPath","value":"/transcode"},
                  {"op":"remove","path":"{{mounts}}/5"},
                  {"op":"test","path":"{{mounts}}/3/name","value":"dev-dri"},
                  {"op":"test","path":"{{mounts}}/3/mountPath","value":"/dev/dri"},
                  {"op":"remove","path":"{{mounts}}/3"},
                  {"op":"test","path":"{{PodSpecPath}}/volumes/4/name","value":"transcode"},
                  {"op":"remove","path":"{{PodSpecPath}}/volumes/4"},
                  {"op":"test","path":"{{PodSpecPath}}/volumes/2/name","value":"dev-dri"},
                  {"op":"remove","path":"{{PodSpecPath}}/volumes/2"}
                ]
                """),
            JsonNode.Parse(Assert.Single(cluster.Patches).Body!)));
        Assert.Equal(["a", "charm-data", "b"], cluster.VolumeNames());
        Assert.Equal(["/charm/bin/pebble", "/a", "/charm/container", "/config", "/b"], cluster.MountPaths("plex"));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_new_claim_updates_the_volume_in_place(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());

        var result = await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("transcode", "plex-transcode-2", "/transcode") } });

        Assert.Equal(["volume transcode: changed to persistentVolumeClaim plex-transcode-2 (was {\"name\":\"transcode\",\"persistentVolumeClaim\":{\"claimName\":\"plex-transcode\"}})"], result.Changes);
        Assert.Equal(["a", "charm-data", "dev-dri", "b", "transcode"], cluster.VolumeNames());
        Assert.True(JsonNode.DeepEquals(Node("""{"name":"transcode","persistentVolumeClaim":{"claimName":"plex-transcode-2"}}"""), cluster.PodSpec["volumes"]![4]));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Another_source_for_a_volume_replaces_the_old_source(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());

        await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.HostPath("transcode", "/srv/transcode", "/transcode", HostPathType.DirectoryOrCreate) } });

        Assert.True(JsonNode.DeepEquals(
            Node("""{"name":"transcode","hostPath":{"path":"/srv/transcode","type":"DirectoryOrCreate"}}"""),
            cluster.PodSpec["volumes"]![4]));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_new_mount_path_moves_the_mount(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());

        var result = await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("transcode", "plex-transcode", "/tmp/transcode") } });

        Assert.Equal(
            ["container plex: unmounted transcode from /transcode (now mounted at /tmp/transcode)", "container plex: mounted transcode at /tmp/transcode"],
            result.Changes);
        Assert.Equal(["/tmp/transcode", "/charm/bin/pebble", "/a", "/charm/container", "/dev/dri", "/config", "/b"], cluster.MountPaths("plex"));
        Assert.Equal(["application/json-patch+json", "application/strategic-merge-patch+json"], cluster.Patches.Select(p => p.MediaType));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Mount_options_are_part_of_the_desired_state(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());
        var volume = StatefulSetVolume.Pvc("transcode", "plex-transcode", "/transcode") with { ReadOnly = true, SubPath = "plex" };

        await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { volume } });
        var mount = cluster.Container("plex")["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == "/transcode");
        await cluster.ArrangeAsync(new StatefulSetSpec("plex") { Volumes = { volume with { ReadOnly = false, SubPath = null } } });

        Assert.True(JsonNode.DeepEquals(Node("""{"name":"transcode","mountPath":"/transcode","readOnly":true,"subPath":"plex"}"""), mount));
        Assert.True(JsonNode.DeepEquals(
            Node("""{"name":"transcode","mountPath":"/transcode"}"""),
            cluster.Container("plex")["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == "/transcode")));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_volume_another_container_still_mounts_loses_only_the_plex_mount(Face face)
    {
        var statefulSet = Crowded();
        statefulSet["spec"]!["template"]!["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Add(Node("""{"name":"dev-dri","mountPath":"/dev/dri"}"""));
        await using var cluster = SimulatedCluster.Start(face, statefulSet);

        var result = await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("dev-dri") } });

        Assert.Equal(["container plex: unmounted dev-dri from /dev/dri"], result.Changes);
        Assert.Contains("dev-dri", cluster.VolumeNames());
        Assert.Contains("/dev/dri", cluster.MountPaths("charm"));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Values_the_API_server_fills_in_are_not_differences(Face face)
    {
        var statefulSet = Crowded();
        var podSpec = statefulSet["spec"]!["template"]!["spec"]!;
        podSpec["volumes"]![2]!["hostPath"]!["type"] = "";
        podSpec["containers"]![1]!["volumeMounts"]![3]!["readOnly"] = false;
        podSpec["containers"]![1]!["securityContext"]!["privileged"] = false;
        podSpec["containers"]![1]!["resources"] = Node("""{"limits":{"gpu.intel.com/i915":"1","cpu":2}}""");
        await using var cluster = SimulatedCluster.Start(face, statefulSet);
        var spec = new StatefulSetSpec("plex")
        {
            Volumes = { StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Unset) },
            Privileged = false,
            ResourceLimits = { [ChangeKinds.Limit] = "1000m", ["cpu"] = "2000m" },
        };

        var result = await cluster.ReconcileAsync(spec);

        Assert.False(result.Changed);
        Assert.Empty(cluster.Patches);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_change_by_someone_else_between_read_and_patch_fails_the_guards_and_is_read_again(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());
        cluster.Simulator.BeforeNext("PATCH", store =>
        {
            var other = store.Get(SimulatedCluster.Namespace, SimulatedCluster.App)!;
            other["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().RemoveAt(0);
            other["spec"]!["template"]!["spec"]!["containers"]![1]!["volumeMounts"]!.AsArray().RemoveAt(1);
            store.Put(other);
        });

        var result = await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("dev-dri") } });

        Assert.Equal([("GET", 200), ("PATCH", 422), ("GET", 200), ("PATCH", 200)], cluster.Simulator.Requests.Select(r => (r.Method, r.StatusCode)));
        Assert.Equal(["container plex: unmounted dev-dri from /dev/dri", "volume dev-dri: removed"], result.Changes);
        Assert.Equal(["charm-data", "b", "transcode"], cluster.VolumeNames());
        Assert.Single(cluster.Delays);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_mount_path_another_volume_uses_is_taken_over(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face, Crowded());

        await cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("media", "charmarr-shared-media", "/b") } });

        Assert.True(JsonNode.DeepEquals(
            Node("""{"name":"media","mountPath":"/b"}"""),
            cluster.Container("plex")["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == "/b")));
    }
}
