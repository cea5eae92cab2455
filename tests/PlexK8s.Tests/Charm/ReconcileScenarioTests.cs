using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>
/// The reconciler as state transitions: one event, a state in, a state out (a healthy Plex is a passing readiness check
/// in the state). Kubernetes faults are covered through the Harness.
/// </summary>
public sealed class ReconcileScenarioTests : IAsyncLifetime
{
    private PlexScenario plex = null!;

    public async ValueTask InitializeAsync() => plex = await PlexScenario.StartAsync();

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    private Context<PlexCharm> Ctx => plex.Context;

    private static CharmState Leader(params RelationBase[] relations) =>
        new() { Leader = true, Containers = [PlexScenario.Plex()], Relations = relations };

    [Fact]
    public void Pebble_not_reachable_waits()
    {
        var state = Leader(PlexScenario.MediaStorage()) with { Containers = [PlexScenario.Plex(canConnect: false)] };

        var output = Ctx.Run(Ctx.On.ConfigChanged(), state);

        Assert.Equal(Status.Waiting("Waiting for Pebble"), output.UnitStatus);
    }

    [Fact]
    public void Non_leader_gets_the_check_layer_and_stands_by()
    {
        var state = Leader(PlexScenario.MediaStorage()) with { Leader = false };

        var output = Ctx.Run(Ctx.On.PebbleReady(state.GetContainer("plex")), state);

        Assert.Equal(Status.Waiting("Standby (non-leader)"), output.UnitStatus);
        var layer = Assert.Single(output.GetContainer("plex").Layers);
        Assert.Equal("plex-check", layer.Label);
        Assert.Empty(layer.Content.Services);
    }

    [Fact]
    public void Non_leader_of_a_scaled_out_application_blocks()
    {
        var state = Leader(PlexScenario.MediaStorage()) with { Leader = false, PlannedUnits = 2 };

        var output = Ctx.Run(Ctx.On.UpdateStatus(), state);

        Assert.Equal(Status.Blocked("Scaling not supported - only leader runs workload"), output.UnitStatus);
    }

    [Fact]
    public void Former_leader_stops_plex()
    {
        var running = Ctx.Run(Ctx.On.ConfigChanged(), Leader(PlexScenario.MediaStorage()));
        Assert.True(running.GetContainer("plex").IsRunning("plex"));

        var output = Ctx.Run(Ctx.On.LeaderSettingsChanged(), running with { Leader = false });

        Assert.Equal(ServiceStatus.Inactive, output.GetContainer("plex").ServiceStatuses["plex"]);
        Assert.True(Ctx.LastEvent.Stopped("plex", "plex"));
        Assert.Equal(Status.Waiting("Standby (non-leader)"), output.UnitStatus);
    }

    [Fact]
    public void No_media_storage_blocks()
    {
        var output = Ctx.Run(Ctx.On.ConfigChanged(), Leader());

        Assert.Equal(Status.Blocked("Waiting for media-storage relation"), output.UnitStatus);
    }

    [Theory]
    [InlineData("{}", "media-storage: 'config' is not valid MediaStorageProviderData: JSON deserialization for type 'MediaStorageProviderData' was missing required properties including: 'pvc_name'.; fix the storage charm's config")]
    [InlineData("{\"pvc_name\":\"p\",\"mount_path\":\"/config\"}", "media-storage: mount_path '/config' would hide the container's own files or Plex's /config; fix the storage charm's config")]
    [InlineData("[1,2]", "media-storage: 'config' is not valid MediaStorageProviderData: The JSON value could not be converted to MediaStorageProviderData. Path: $.; fix the storage charm's config")]
    [InlineData("{\"pvc_name\":\"UPPER_case\"}", "media-storage: pvc_name 'UPPER_case' is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253); fix the storage charm's config")]
    public void Bad_media_storage_data_blocks_naming_the_problem_and_leaves_the_statefulset(string config, string message)
    {
        var state = Leader(PlexScenario.MediaStorage(config));

        var output = Ctx.Run(Ctx.On.RelationChanged(state.Relations[0]), state);

        Assert.Equal(Status.Blocked(message), output.UnitStatus);
        Assert.Empty(Ctx.LastEvent.KubernetesPatches);
    }

    [Fact]
    public void Media_storage_is_mounted_and_plex_started_as_puid()
    {
        var state = Leader(PlexScenario.MediaStorage(PlexHarness.StorageConfig(pvc: "charmarr-shared", puid: 1050, pgid: 1060)));

        var output = Ctx.Run(Ctx.On.RelationChanged(state.Relations[0]), state);

        Assert.Equal("charmarr-shared", output.StatefulSet!.Volume("charmarr-shared-data")?.ClaimName);
        Assert.Equal(1060, output.StatefulSet.FsGroup);
        var service = output.GetContainer("plex").Layers.Single(l => l.Label == "plex").Content.Services["plex"];
        Assert.Equal((1050L, 1060L), (service.UserId, service.GroupId));
        Assert.True(output.GetContainer("plex").IsRunning("plex"));
        Assert.True(Ctx.LastEvent.Replanned("plex"));
        Assert.Contains("plex:x:1050:1060::/config:/bin/false\n", output.GetContainer("plex").Files["/etc/passwd"], StringComparison.Ordinal);
        Assert.Equal(Status.Waiting("Starting Plex"), output.UnitStatus);
    }

    [Fact]
    public void Hardware_transcoding_on_off_on_through_states()
    {
        var start = Leader(PlexScenario.MediaStorage());

        var on = Ctx.Run(Ctx.On.ConfigChanged(), start with { Config = new Dictionary<string, object> { ["hardware-transcoding"] = true } });
        Assert.True(on.StatefulSet!.Container("plex").IsPrivileged);
        Assert.Equal("/dev/dri", on.StatefulSet.Volume("dev-dri")?.HostPath);

        var off = Ctx.Run(Ctx.On.ConfigChanged(), on with { Config = new Dictionary<string, object> { ["hardware-transcoding"] = false } });
        Assert.False(off.StatefulSet!.Container("plex").IsPrivileged);
        Assert.Null(off.StatefulSet.Volume("dev-dri"));

        var again = Ctx.Run(Ctx.On.ConfigChanged(), off with { Config = new Dictionary<string, object> { ["hardware-transcoding"] = true } });
        Assert.Equal("/dev/dri", again.StatefulSet!.Container("plex").Mount("dev-dri")?.MountPath);

        var unchanged = Ctx.Run(Ctx.On.UpdateStatus(), again);
        Assert.Empty(Ctx.LastEvent.KubernetesPatches);
        Assert.Equal(again.StatefulSet, unchanged.StatefulSet);
    }

    [Fact]
    public void Timezone_goes_into_the_layer()
    {
        var state = Leader(PlexScenario.MediaStorage()) with { Config = new Dictionary<string, object> { ["timezone"] = "America/New_York" } };

        var output = Ctx.Run(Ctx.On.ConfigChanged(), state);

        var service = output.GetContainer("plex").Layers.Single(l => l.Label == "plex").Content.Services["plex"];
        Assert.Equal("America/New_York", service.Environment!["TZ"]);
        Assert.Equal("\"/usr/lib/plexmediaserver/Plex Media Server\"", service.Command);
    }

    [Fact]
    public void Invalid_ingress_port_blocks()
    {
        var state = Leader(PlexScenario.MediaStorage()) with { Config = new Dictionary<string, object> { ["ingress-port"] = 70000 } };

        var output = Ctx.Run(Ctx.On.ConfigChanged(), state);

        Assert.Equal(Status.Blocked("Invalid ingress-port 70000: use a port between 1 and 65535"), output.UnitStatus);
    }

    [Fact]
    public void Unchanged_layer_is_not_replanned()
    {
        var first = Ctx.Run(Ctx.On.ConfigChanged(), Leader(PlexScenario.MediaStorage()));

        Ctx.Run(Ctx.On.UpdateStatus(), first);

        Assert.False(Ctx.LastEvent.Replanned("plex"));
        Assert.Empty(Ctx.LastEvent.ServiceChanges);
    }

    [Fact]
    public void A_passing_readiness_check_makes_plex_active_open_its_port_and_publish()
    {
        var server = new RelationState("media-server") { RemoteAppName = "overseerr" };
        var running = Ctx.Run(Ctx.On.ConfigChanged(), Leader(PlexScenario.MediaStorage(), server));
        var ready = running with
        {
            Containers = [running.GetContainer("plex").WithCheck(PlexWorkload.ReadyCheckName, CheckState.Passing) with
            {
                Files = running.GetContainer("plex").Files.With(PlexWorkload.PreferencesPath, PreferencesSamples.Claimed("server-token")),
            }],
        };

        var output = Ctx.Run(Ctx.On.UpdateStatus(), ready);

        Assert.Equal(Status.Active(), output.UnitStatus);
        Assert.Equal([Port.Tcp(32400)], output.OpenedPorts);
        Assert.Contains(PlexHarness.InternalUrl, output.GetRelation(server.Id).LocalAppData["config"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_readiness_check_goes_back_to_starting()
    {
        var running = Ctx.Run(Ctx.On.ConfigChanged(), Leader(PlexScenario.MediaStorage()));

        var output = Ctx.Run(Ctx.On.PebbleCheckFailed(running.GetContainer("plex"), PlexWorkload.ReadyCheckName), running);

        Assert.Equal(CheckStatus.Down, output.GetContainer("plex").Checks[PlexWorkload.ReadyCheckName].Status);
        Assert.Equal(Status.Waiting("Starting Plex"), output.UnitStatus);
    }
}
