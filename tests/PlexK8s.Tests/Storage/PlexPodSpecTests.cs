using Charmarr.Interfaces.MediaStorage;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.PlexK8s.Storage;
using Charmarr.PlexK8s.Tests.Fakes;

namespace Charmarr.PlexK8s.Tests.Storage;

public sealed class PlexPodSpecTests : IDisposable
{
    private static readonly MediaStorageProviderData Storage = new("charmarr-shared-media", "/data", 1050, 1060);

    private readonly KubernetesSimulator kubernetes = new();
    private readonly StatefulSetReconciler reconciler;

    public PlexPodSpecTests()
    {
        kubernetes.StatefulSets.Put(PlexStatefulSet.Load("media"));
        reconciler = new StatefulSetReconciler(kubernetes.Api, "media", "plex");
    }

    public void Dispose() => reconciler.Dispose();

    private static StatefulSetSpec Spec(bool hardwareTranscoding)
    {
        var spec = PlexPodSpec.Create();
        spec.MountSharedMedia(Storage);
        spec.ApplyHardwareTranscoding(hardwareTranscoding);
        return spec;
    }

    private System.Text.Json.Nodes.JsonObject Current => kubernetes.StatefulSets.Get("media", "plex")!;

    [Fact]
    public async Task Shared_media_is_mounted_in_the_plex_container_with_fs_group_pgid()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: false), TestContext.Current.CancellationToken);

        Assert.Equal("charmarr-shared-media", (string?)PlexStatefulSet.Volume(Current, "charmarr-shared-data")!["persistentVolumeClaim"]!["claimName"]);
        Assert.Equal("/data", (string?)PlexStatefulSet.PlexMount(Current, "charmarr-shared-data")!["mountPath"]);
        Assert.Equal(1060, PlexStatefulSet.FsGroup(Current));
        Assert.Null(PlexStatefulSet.Volume(Current, "dev-dri"));
        Assert.NotEqual(true, PlexStatefulSet.Privileged(Current));
    }

    [Fact]
    public async Task Hardware_transcoding_mounts_dev_dri_and_makes_plex_privileged()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        var hostPath = PlexStatefulSet.Volume(Current, "dev-dri")!["hostPath"]!;
        Assert.Equal("/dev/dri", (string?)hostPath["path"]);
        Assert.Equal("Directory", (string?)hostPath["type"]);
        Assert.Equal("/dev/dri", (string?)PlexStatefulSet.PlexMount(Current, "dev-dri")!["mountPath"]);
        Assert.True(PlexStatefulSet.Privileged(Current));
    }

    [Fact]
    public async Task Turning_hardware_transcoding_off_removes_the_device_and_privilege_but_keeps_media()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: false), TestContext.Current.CancellationToken);

        Assert.Null(PlexStatefulSet.Volume(Current, "dev-dri"));
        Assert.Null(PlexStatefulSet.PlexMount(Current, "dev-dri"));
        Assert.NotEqual(true, PlexStatefulSet.Privileged(Current));
        Assert.NotNull(PlexStatefulSet.Volume(Current, "charmarr-shared-data"));
    }

    [Fact]
    public async Task Satisfied_spec_sends_no_patch()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);
        kubernetes.ClearRequests();

        var result = await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        Assert.False(result.Changed);
        Assert.DoesNotContain(kubernetes.Requests, r => r.Method == "PATCH");
    }
}
