using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>The reconciler's phases and branches through the Harness (the production dispatcher, fresh charm per event).</summary>
public sealed class ReconcileHarnessTests : IAsyncLifetime
{
    private PlexHarness plex = null!;

    public async ValueTask InitializeAsync() => plex = await PlexHarness.StartAsync();

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    private Harness<PlexCharm> Harness => plex.Harness;

    private PebbleService PlexService => Harness.GetPlan("plex").Services["plex"];

    // Phase 1 (§5.1 #2, #13)
    [Fact]
    public void Unreachable_pebble_waits_for_it()
    {
        Harness.SetLeader();
        plex.RelateStorage();
        Harness.Begin();

        Harness.UpdateConfig(("timezone", "Etc/UTC"));

        Assert.Equal(Status.Waiting("Waiting for Pebble"), Harness.UnitStatus);
        Assert.Empty(Harness.Kubernetes.Requests);
    }

    // Phase 2 (§5.1 #1, #18)
    [Fact]
    public void Non_leader_stands_by_with_only_the_readiness_check()
    {
        plex.Deploy(leader: false);

        Assert.Equal(Status.Waiting("Standby (non-leader)"), Harness.UnitStatus);
        Assert.Contains("plex-check", plex.Plex.LayerLabels);
        var plan = Harness.GetPlan("plex");
        Assert.Empty(plan.Services);
        Assert.Equal(PlexLayer.ReadyCheck with { Override = null }, plan.Checks["plex-ready"] with { Override = null });
        Assert.Empty(Harness.Events.SelectMany(e => e.KubernetesPatches));
    }

    // Phase 2: scaled out
    [Fact]
    public void Non_leader_of_a_scaled_out_application_is_blocked()
    {
        Harness.SetPlannedUnits(2);

        plex.Deploy(leader: false);

        Assert.Equal(Status.Blocked("Scaling not supported - only leader runs workload"), Harness.UnitStatus);
    }

    [Fact]
    public void Leader_of_a_scaled_out_application_warns_and_runs_plex()
    {
        Harness.SetPlannedUnits(3);

        plex.Deploy();

        Assert.Contains(Harness.LogMessages(JujuLogLevel.Warning), m => m.Contains("Scaling > 1 is not supported (3 units planned)", StringComparison.Ordinal));
        Assert.True(plex.PlexRuns);
    }

    [Fact]
    public void Leadership_moving_away_stops_plex()
    {
        plex.Deploy();
        plex.PlexInitialises();
        Assert.True(plex.PlexRuns);

        Harness.SetLeader(false);
        Harness.EvaluateStatus();

        Assert.False(plex.PlexRuns);
        Assert.Equal(Status.Waiting("Standby (non-leader)"), Harness.UnitStatus);

        Harness.EvaluateStatus(); // a later event must not start it again (no replan on a standby unit)
        Assert.False(plex.PlexRuns);
    }

    // Phase 3 (§5.1 #3, #14)
    [Fact]
    public void No_media_storage_relation_blocks()
    {
        Harness.SetLeader();
        Harness.BeginWithInitialHooks();

        Assert.Equal(Status.Blocked("Waiting for media-storage relation"), Harness.UnitStatus);
        Assert.Empty(Harness.GetPlan("plex").Services);
    }

    [Theory]
    [InlineData("not json", "not valid MediaStorageProviderData")]
    [InlineData("{\"mount_path\":\"/data\"}", "pvc_name")]
    [InlineData("{\"pvc_name\":\"p\",\"mount_path\":\"data\"}", "mount_path 'data' is not an absolute path")]
    [InlineData("{\"pvc_name\":\"p\",\"puid\":\"root\"}", "puid")]
    [InlineData("{\"pvc_name\":\"p\",\"puid\":-1}", "puid -1 is not a valid user or group id")]
    [InlineData("{\"pvc_name\":\"p\",\"pgid\":-5}", "pgid -5 is not a valid user or group id")]
    [InlineData("{\"pvc_name\":\"\"}", "pvc_name '' is not a valid Kubernetes name")]
    [InlineData("{\"pvc_name\":\"UPPER_case\"}", "pvc_name 'UPPER_case' is not a valid Kubernetes name")]
    [InlineData("{\"pvc_name\":\"p\",\"mount_path\":\"/config\"}", "mount_path '/config' would hide")]
    public void Bad_media_storage_data_blocks_naming_the_relation_the_field_and_the_fix_and_touches_nothing(string config, string problem)
    {
        Harness.SetLeader();
        plex.RelateStorage(config);
        Harness.BeginWithInitialHooks();

        var status = Harness.UnitStatus;
        Assert.Equal("blocked", status.Name);
        Assert.StartsWith("media-storage: ", status.Message, StringComparison.Ordinal);
        Assert.Contains(problem, status.Message, StringComparison.Ordinal);
        Assert.EndsWith("; fix the storage charm's config", status.Message, StringComparison.Ordinal);
        Assert.Empty(Harness.Events.SelectMany(e => e.KubernetesPatches));
        Assert.Empty(Harness.GetPlan("plex").Services);
        Assert.NotEmpty(Harness.LogMessages(JujuLogLevel.Warning));
    }

    [Fact]
    public void A_pvc_name_kubernetes_would_reject_blocks_every_reconciling_hook_instead_of_failing_it()
    {
        Harness.SetLeader();
        plex.RelateStorage(PlexHarness.StorageConfig(pvc: "UPPER_case"));
        Harness.BeginWithInitialHooks();
        Harness.UpdateConfig(("timezone", "Europe/Paris"));

        Assert.StartsWith(
            "media-storage: pvc_name 'UPPER_case' is not a valid Kubernetes name",
            Harness.UnitStatus.Message,
            StringComparison.Ordinal);
    }

    // Phase 3 (§5.1 #4)
    [Fact]
    public void Shared_media_is_mounted_in_the_plex_container_with_pgid_as_fs_group()
    {
        Harness.SetLeader();
        plex.RelateStorage(PlexHarness.StorageConfig(pvc: "charmarr-shared", mountPath: "/media", puid: 1050, pgid: 1060));
        Harness.BeginWithInitialHooks();

        var statefulSet = Harness.StatefulSet!;
        Assert.Equal("charmarr-shared", statefulSet.Volume("charmarr-shared-data")?.ClaimName);
        Assert.Equal("/media", statefulSet.Container("plex").Mount("charmarr-shared-data")?.MountPath);
        Assert.Equal(1060, statefulSet.FsGroup);
    }

    // Phase 4 (§5.1 #5, #6; features 21, 22)
    [Fact]
    public void Hardware_transcoding_on_off_on_gives_the_right_statefulset_and_no_patch_when_unchanged()
    {
        plex.Deploy();
        Assert.Null(Harness.StatefulSet!.Volume("dev-dri"));

        Harness.UpdateConfig(("hardware-transcoding", true));
        Assert.Equal("/dev/dri", Harness.StatefulSet!.Volume("dev-dri")?.HostPath);
        Assert.Equal("/dev/dri", Harness.StatefulSet.Container("plex").Mount("dev-dri")?.MountPath);
        Assert.True(Harness.StatefulSet.Container("plex").IsPrivileged);

        Harness.UpdateConfig(("hardware-transcoding", false));
        Assert.Null(Harness.StatefulSet!.Volume("dev-dri"));
        Assert.Null(Harness.StatefulSet.Container("plex").Mount("dev-dri"));
        Assert.False(Harness.StatefulSet.Container("plex").IsPrivileged);

        Harness.UpdateConfig(("hardware-transcoding", true));
        Assert.NotNull(Harness.StatefulSet!.Volume("dev-dri"));
        Assert.True(Harness.StatefulSet.Container("plex").IsPrivileged);
        Assert.NotNull(Harness.StatefulSet.Volume("charmarr-shared-data"));

        Harness.EvaluateStatus();
        Assert.Contains(Harness.LastEvent.KubernetesRequests, r => r.Method == "GET");
        Assert.Empty(Harness.LastEvent.KubernetesPatches);
    }

    [Fact]
    public void A_statefulset_already_confirmed_is_not_read_again_by_an_event_that_does_not_change_it()
    {
        plex.Deploy();
        var deployed = Harness.UnitStatus;

        Harness.UpdateConfig(("timezone", "Europe/Paris"));

        Assert.Equal(deployed, Harness.UnitStatus);
        Assert.Empty(Harness.LastEvent.KubernetesRequests);
        Assert.Equal("Europe/Paris", PlexService.Environment!["TZ"]);
    }

    [Fact]
    public void A_changed_wish_for_the_statefulset_is_read_and_patched_even_after_confirmation()
    {
        plex.Deploy();
        Harness.ConfigChanged();
        Assert.Empty(Harness.LastEvent.KubernetesRequests);

        Harness.UpdateConfig(("hardware-transcoding", true));

        Assert.Contains(Harness.LastEvent.KubernetesRequests, r => r.Method == "GET");
        Assert.NotEmpty(Harness.LastEvent.KubernetesPatches);
        Assert.Equal("/dev/dri", Harness.StatefulSet!.Volume("dev-dri")?.HostPath);
    }

    [Fact]
    public void A_statefulset_rewritten_outside_the_charm_is_restored_by_the_next_update_status()
    {
        plex.Deploy();
        Harness.Kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create(Harness.ModelName, "plex", Harness.Metadata));

        Harness.ConfigChanged();
        Assert.Null(Harness.StatefulSet!.Volume("charmarr-shared-data"));

        Harness.EvaluateStatus();
        Assert.Equal("charmarr-shared-media", Harness.StatefulSet!.Volume("charmarr-shared-data")?.ClaimName);
    }

    [Fact]
    public void A_refresh_reads_the_statefulset_juju_rewrote()
    {
        plex.Deploy();
        Harness.Kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create(Harness.ModelName, "plex", Harness.Metadata));

        Harness.UpgradeCharm();

        Assert.Equal("charmarr-shared-media", Harness.StatefulSet!.Volume("charmarr-shared-data")?.ClaimName);
    }

    [Fact]
    public void A_failed_patch_confirms_nothing_so_the_next_event_reads_and_patches_again()
    {
        plex.Deploy();
        Harness.Kubernetes.FailAlways(500, method: "PATCH");
        Assert.ThrowsAny<Exception>(() => Harness.UpdateConfig(("hardware-transcoding", true)));
        Assert.Null(Harness.StatefulSet!.Volume("dev-dri"));
        Harness.Kubernetes.ClearFaults();

        Harness.ConfigChanged();

        Assert.Contains(Harness.LastEvent.KubernetesRequests, r => r.Method == "GET");
        Assert.Equal("/dev/dri", Harness.StatefulSet!.Volume("dev-dri")?.HostPath);
    }

    [Fact]
    public void Forbidden_kubernetes_blocks_asking_for_trust_without_failing_the_hook()
    {
        Harness.SetLeader();
        plex.RelateStorage();
        Harness.Kubernetes.FailNext(403);

        Harness.BeginWithInitialHooks(); // throws if a hook failed

        Assert.Contains(Status.Blocked("Kubernetes refused access to the StatefulSet: run `juju trust plex --scope=cluster`"), Harness.UnitStatusHistory);
        Assert.Contains(Harness.LogMessages(JujuLogLevel.Error), m => m.Contains("juju trust plex --scope=cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreachable_kubernetes_api_waits_saying_what_to_check_without_failing_the_hook()
    {
        Harness.SetLeader();
        plex.RelateStorage();
        Harness.Kubernetes.IsUnreachable = true;

        Harness.BeginWithInitialHooks(); // throws if a hook failed

        Assert.Equal(
            Status.Waiting("Kubernetes API server not answering: check the cluster's API server; the charm retries on the next event"),
            Harness.UnitStatus);
        Assert.Contains(Harness.LogMessages(JujuLogLevel.Error), m => m.Contains("Cannot reach the Kubernetes API server", StringComparison.Ordinal));
        Assert.Empty(Harness.GetPlan("plex").Services);
    }

    [Fact]
    public void Forbidden_kubernetes_on_every_call_stays_blocked()
    {
        Harness.SetLeader();
        plex.RelateStorage();
        Harness.Kubernetes.FailAlways(403);

        Harness.BeginWithInitialHooks();

        Assert.Equal(Status.Blocked("Kubernetes refused access to the StatefulSet: run `juju trust plex --scope=cluster`"), Harness.UnitStatus);
        Assert.Empty(Harness.GetPlan("plex").Services);
    }

    // Phase 5
    [Fact]
    public void Chores_give_config_to_puid_make_plex_directories_and_accounts()
    {
        plex.Deploy();

        // The fake chown changes no owner, so every reconcile finds /config root's and asks again.
        var recursive = plex.Plex.ExecCalls.Select(c => c.Command).Where(c => c.Contains("-R")).ToList();
        Assert.NotEmpty(recursive);
        Assert.All(recursive, c => Assert.Equal(["chown", "-R", "1000:1000", "/config"], c));
        foreach (var directory in new[] { "/config/Library/Application Support", "/run/plex-temp" })
        {
            var info = plex.Plex.GetFileInfo(directory);
            Assert.Equal(("directory", 1000, 1000), (info.Type, info.UserId, info.GroupId));
        }

        Assert.EndsWith("plex:x:1000:1000::/config:/bin/false\n", plex.Plex.ReadTextFile("/etc/passwd"), StringComparison.Ordinal);
        Assert.EndsWith("plex:x:1000:\n", plex.Plex.ReadTextFile("/etc/group"), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_already_owned_by_puid_is_not_chowned_again()
    {
        plex.Plex.RemovePath("/config");
        plex.Plex.MakeDirectory("/config", new FileCreation { UserId = 1000, GroupId = 1000 });

        plex.Deploy();

        Assert.DoesNotContain(plex.Plex.ExecCalls, c => c.Command.Contains("-R"));
    }

    // Phase 6 (§5.1 #7, #10)
    [Fact]
    public void Layer_runs_the_quoted_binary_as_puid_with_the_configured_timezone()
    {
        plex.Deploy();
        Harness.UpdateConfig(("timezone", "America/New_York"));

        Assert.Equal("\"/usr/lib/plexmediaserver/Plex Media Server\"", PlexService.Command);
        Assert.Equal((1000L, 1000L), (PlexService.UserId, PlexService.GroupId));
        Assert.Equal("America/New_York", PlexService.Environment!["TZ"]);
        Assert.Equal("/config", PlexService.Environment["HOME"]);
        Assert.Equal("/config/Library/Application Support", PlexService.Environment["PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR"]);
        Assert.Equal("http://localhost:32400/identity", Harness.GetPlan("plex").Checks["plex-ready"].Http!.Url);
        Assert.True(plex.PlexRuns);
    }

    // Phase 7 (§5.1 #15, adapted: health is the readiness check)
    [Fact]
    public void Plex_not_answering_yet_is_starting()
    {
        plex.Deploy();

        Assert.Equal(Status.Waiting("Starting Plex"), Harness.UnitStatus);
        Assert.Empty(Harness.OpenedPorts);
    }

    [Fact]
    public void Failing_readiness_check_goes_back_to_starting()
    {
        plex.Deploy();
        plex.PlexInitialises();

        Harness.PebbleCheckFailed("plex", PlexWorkload.ReadyCheckName, "connection refused");

        Assert.Equal(CheckStatus.Down, Harness.GetCheck("plex", PlexWorkload.ReadyCheckName).Status);
        Assert.Equal(Status.Waiting("Starting Plex"), Harness.UnitStatus);
    }

    // Phase 8 (§5.1 #11, #16, #17)
    [Fact]
    public void Healthy_unclaimed_plex_publishes_opens_its_port_and_says_how_to_claim()
    {
        var server = Harness.AddRelation("media-server", "overseerr");
        plex.Deploy();

        plex.PlexInitialises();

        Assert.Equal(
            Status.Active("Unclaimed: run the claim-server action with a token from https://plex.tv/claim, or sign in through the web UI"),
            Harness.UnitStatus);
        Assert.Equal([Port.Tcp(32400)], Harness.OpenedPorts);
        var published = JsonNode.Parse(Harness.GetRelationData(server, "plex")["config"])!;
        Assert.Equal("plex", (string?)published["name"]);
        Assert.Equal(PlexHarness.InternalUrl, (string?)published["api_url"]);
    }

    [Fact]
    public void Claimed_plex_is_active_with_no_message()
    {
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.Claimed("server-token"));

        Assert.Equal(Status.Active(), Harness.UnitStatus);
    }

    [Fact]
    public void Empty_online_token_is_unclaimed()
    {
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.WithEmptyToken);

        Assert.StartsWith("Unclaimed", Harness.UnitStatus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_url_joins_the_users_custom_connections_written_as_puid()
    {
        plex.Deploy();

        plex.PlexInitialises();

        var written = PlexPreferences.Parse(plex.Plex.ReadTextFile(PlexWorkload.PreferencesPath));
        Assert.Equal(["https://plex.example.com:443", "http://10.0.0.5:32400", PlexHarness.InternalUrl], written.CustomConnections);
        Assert.Equal(PreferencesSamples.MachineIdentifier, written.MachineIdentifier);
        var info = plex.Plex.GetFileInfo(PlexWorkload.PreferencesPath);
        Assert.Equal((1000, 1000, 0b110_000_000), (info.UserId, info.GroupId, info.Permissions));
    }

    [Fact]
    public void Malformed_preferences_block_and_are_left_as_they_are()
    {
        const string malformed = "<Preferences ProcessedMachineIdentifier=\"x\"";
        plex.Deploy();

        plex.PlexInitialises(malformed);

        Assert.Equal(StatusKind.Blocked, Harness.UnitStatus.Kind);
        Assert.Contains("Preferences.xml is not valid XML", Harness.UnitStatus.Message, StringComparison.Ordinal);
        Assert.Equal(malformed, plex.Plex.ReadTextFile(PlexWorkload.PreferencesPath));
    }

    // Phase 9 (§5.1 #12)
    [Fact]
    public void Ingress_gets_a_route_on_the_configured_port_to_plex()
    {
        var ingress = Harness.AddRelation("ingress", "istio-ingress");
        plex.Deploy();
        Harness.UpdateConfig(("ingress-port", 8080));

        plex.PlexInitialises();

        Assert.Equal(
            """{"model":"charmarr","listeners":[{"port":8080,"protocol":"HTTP"}],"http_routes":[{"name":"plex","listener":{"port":8080,"protocol":"HTTP"},"backends":[{"service":"plex","port":32400,"weight":null}],"hostnames":null,"matches":[{"headers":null,"path":{"type":"PathPrefix","value":"/"},"method":null}],"filters":null}],"grpc_routes":[]}""",
            Harness.GetRelationData(ingress, "plex")["config"]);
    }

    // Configuration
    [Fact]
    public void Invalid_log_level_blocks_naming_the_valid_values()
    {
        plex.Deploy();

        Harness.UpdateConfig(("log-level", "verbose"));

        Assert.Equal(StatusKind.Blocked, Harness.UnitStatus.Kind);
        Assert.Contains("debug, info, warning, error", Harness.UnitStatus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_level_error_silences_the_charms_information_lines()
    {
        plex.Deploy();

        Harness.UpdateConfig(("log-level", "error"), ("timezone", "Europe/Paris"));

        Assert.True(Harness.LastEvent.Restarted("plex", "plex")); // the reconcile did run and replan
        Assert.DoesNotContain(Harness.LastEvent.JujuLog, l => l.Level is JujuLogLevel.Info or JujuLogLevel.Debug);
    }

    [Fact]
    public void The_default_info_level_sends_no_debug_lines()
    {
        plex.Deploy();

        Harness.EvaluateStatus();

        Assert.DoesNotContain(Harness.LastEvent.JujuLog, l => l.Level is JujuLogLevel.Debug);
    }
}
