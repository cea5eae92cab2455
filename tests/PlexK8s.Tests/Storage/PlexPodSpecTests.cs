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

    private StatefulSetView Current => new(kubernetes.StatefulSets.Get("media", "plex")!);

    private ContainerView Plex => Current.Container("plex");

    [Fact]
    public async Task Shared_media_is_mounted_in_the_plex_container_with_fs_group_pgid()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: false), TestContext.Current.CancellationToken);

        Assert.Equal("charmarr-shared-media", Current.Volume("charmarr-shared-data")?.ClaimName);
        Assert.Equal("/data", Plex.Mount("charmarr-shared-data")?.MountPath);
        Assert.Equal(1060, Current.FsGroup);
        Assert.Null(Current.Volume("dev-dri"));
        Assert.False(Plex.IsPrivileged);
    }

    [Fact]
    public async Task Hardware_transcoding_mounts_dev_dri_and_makes_plex_privileged()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        Assert.Equal(("/dev/dri", "Directory"), (Current.Volume("dev-dri")?.HostPath, Current.Volume("dev-dri")?.HostPathType));
        Assert.Equal("/dev/dri", Plex.Mount("dev-dri")?.MountPath);
        Assert.True(Plex.IsPrivileged);
    }

    [Fact]
    public async Task Turning_hardware_transcoding_off_removes_the_device_and_privilege_but_keeps_media()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: false), TestContext.Current.CancellationToken);

        Assert.Null(Current.Volume("dev-dri"));
        Assert.Null(Plex.Mount("dev-dri"));
        Assert.False(Plex.IsPrivileged);
        Assert.NotNull(Current.Volume("charmarr-shared-data"));
    }

    [Fact]
    public async Task Satisfied_spec_sends_no_patch()
    {
        await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);
        var before = kubernetes.Requests.Count;

        var result = await reconciler.ReconcileAsync(Spec(hardwareTranscoding: true), TestContext.Current.CancellationToken);

        Assert.False(result.Changed);
        Assert.DoesNotContain(kubernetes.Requests.Skip(before), r => r.Method == "PATCH");
    }
}
