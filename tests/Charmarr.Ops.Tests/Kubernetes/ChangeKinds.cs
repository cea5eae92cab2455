using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>One kind of change the reconciler makes: how a spec asks for it and for its absence, and how to see it in the StatefulSet.</summary>
internal sealed record ChangeKind(Action<StatefulSetSpec> Ensure, Action<StatefulSetSpec> Remove, Func<SimulatedCluster, bool> IsPresent, Func<SimulatedCluster, bool> IsGone);

/// <summary>Every kind of change, for tests that hold for all of them.</summary>
internal static class ChangeKinds
{
    public const string Limit = "gpu.intel.com/i915";

    public static readonly Dictionary<string, ChangeKind> All = new()
    {
        ["PVC volume and mount"] = Volume(StatefulSetVolume.Pvc("charmarr-shared-data", "charmarr-shared-media", "/data")),
        ["hostPath volume and mount"] = Volume(StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory)),
        ["pod fsGroup"] = Field(
            spec => spec.PodFsGroup = 1000,
            spec => spec.PodFsGroup = Desired.Absent<long>(),
            c => c.PodSpec["securityContext"]?["fsGroup"] is not null),
        ["pod supplemental group"] = Field(
            spec => spec.SupplementalGroups.Add(44),
            spec => spec.AbsentSupplementalGroups.Add(44),
            c => c.PodSpec["securityContext"]?["supplementalGroups"]?.AsArray().Any(g => (long?)g == 44) == true),
        ["privileged container"] = Field(
            spec => spec.Privileged = true,
            spec => spec.Privileged = false,
            c => (bool?)c.Container("plex")["securityContext"]?["privileged"] == true),
        ["device-plugin resource limit"] = Field(
            spec => spec.ResourceLimits[Limit] = "1",
            spec => spec.AbsentResourceLimits.Add(Limit),
            c => c.Container("plex")["resources"]?["limits"]?[Limit] is not null),
    };

    public static TheoryData<string, Face> Cases
    {
        get
        {
            var data = new TheoryData<string, Face>();
            foreach (var name in All.Keys)
            {
                data.Add(name, Face.InProcess);
                data.Add(name, Face.Http);
            }

            return data;
        }
    }

    public static StatefulSetSpec Spec(Action<StatefulSetSpec> build)
    {
        var spec = new StatefulSetSpec("plex");
        build(spec);
        return spec;
    }

    private static ChangeKind Volume(MountedVolume volume) => new(
        spec => spec.Volumes.Add(volume),
        spec => spec.Volumes.Add(StatefulSetVolume.Absent(volume.Name)),
        c => c.VolumeNames().Contains(volume.Name) && Mounts(c).Any(m => (string?)m!["name"] == volume.Name && (string?)m["mountPath"] == volume.MountPath),
        c => !c.VolumeNames().Contains(volume.Name) && !Mounts(c).Any(m => (string?)m!["name"] == volume.Name));

    private static ChangeKind Field(Action<StatefulSetSpec> ensure, Action<StatefulSetSpec> remove, Func<SimulatedCluster, bool> isPresent) =>
        new(ensure, remove, isPresent, c => !isPresent(c));

    private static JsonArray Mounts(SimulatedCluster cluster) => cluster.Container("plex")["volumeMounts"]!.AsArray();
}
