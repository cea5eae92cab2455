using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Tests.Fixtures;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>
/// The packed plex-k8s played through its deploy story (charms/plex-k8s/simulate.yaml), as the README's main command
/// plays it: real dispatch processes, native shims, simulated Pebble on a unix socket, the loopback Kubernetes API and
/// loopback fakes of plex.tv and the Plex server.
/// </summary>
public sealed class PlexScenarioTests(PackedPlexCharm charm) : IAsyncLifetime
{
    private const string ClaimToken = "claim-QkF4xZ9mP2rT7vW1yN3s";
    private const string PreferencesPath = "/config/Library/Application Support/Plex Media Server/Preferences.xml";
    private const string Unclaimed = "active: Unclaimed: run the claim-server action with a token from https://plex.tv/claim, or sign in through the web UI";
    private const string NoStorage = "blocked: Waiting for media-storage relation";
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-sim-test-").FullName;
    private ScenarioPlayer player = null!;
    private SimulatedUnit unit = null!;

    /// <summary>The unit's status after each event of the story; the same whichever Pebble serves the container.</summary>
    internal static IReadOnlyList<(string Event, string Status)> ExpectedStatuses { get; } =
    [
        ("install", "waiting: Standby (non-leader)"),
        ("leader-elected", NoStorage),
        ("config-changed", NoStorage),
        ("media-storage-relation-created", NoStorage),
        ("media-storage-relation-joined", NoStorage),
        ("media-storage-relation-changed", "waiting: Starting Plex"),
        ("plex-pebble-ready", "waiting: Starting Plex"),
        ("plex-pebble-custom-notice", Unclaimed),
        ("claim-server (action)", "active"),
        ("update-status", "active"),
        ("metrics-endpoint-relation-created", "active"),
        ("metrics-endpoint-relation-joined", "active"),
        ("metrics-endpoint-relation-changed", "active"),
        ("grafana-dashboard-relation-created", "active"),
        ("grafana-dashboard-relation-joined", "active"),
        ("grafana-dashboard-relation-changed", "active"),
        ("logging-relation-created", "active"),
        ("logging-relation-joined", "active"),
        ("logging-relation-changed", "active"),
        ("charm-tracing-relation-created", "active"),
        ("charm-tracing-relation-joined", "active"),
        ("charm-tracing-relation-changed", "active"),
    ];

    private PebbleSimulator Plex => unit.Containers["plex"];

    public async ValueTask InitializeAsync()
    {
        CharmArchive.Extract(charm.Path, directory);
        var scenarioPath = Path.Combine(RepositoryPaths.PlexCharm, "simulate.yaml");
        var scenario = ScenarioReader.Parse(File.ReadAllText(scenarioPath), scenarioPath);
        unit = await SimulatedUnit.StartAsync(directory, scenario, ShimLocator.Find());
        player = new ScenarioPlayer(unit, new EventPrinter(TextWriter.Null));
        await player.PlayAsync(scenario);
    }

    public async ValueTask DisposeAsync()
    {
        await unit.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Every_event_succeeds_and_every_expectation_in_the_scenario_holds()
    {
        Assert.Empty(player.Failures);
        Assert.All(player.Runs, r => Assert.Equal(0, r.Outcome.ExitCode));
        Assert.All(unit.Calls, c => Assert.Equal(0, c.ExitCode));
    }

    [Fact]
    public void Each_event_leaves_the_status_the_charm_reports_for_that_stage_of_the_deploy()
    {
        Assert.Equal(ExpectedStatuses, player.Runs.Select(r => (r.Name, r.UnitStatus.ToString())));
    }

    [Fact]
    public void Plexs_ready_notice_opens_the_port_and_publishes_in_its_own_event_with_no_update_status_needed()
    {
        var index = player.Runs.FindIndex(r => r.Name == "plex-pebble-custom-notice");
        var notice = player.Runs[index];
        var notifier = Assert.Single(Plex.GetServices("plex-ready-notifier"));

        Assert.DoesNotContain(player.Runs.Take(index), r => r.Name == "update-status");
        Assert.Contains(notice.Calls, c => c.Tool == "open-port" && c.Args.SequenceEqual(["32400/tcp"]));
        Assert.Equal("charmarr.dev/plex-ready", Assert.Single(Plex.GetNotices(), n => n.Type == "custom").Key);
        Assert.Equal("enabled", notifier.Startup);
    }

    [Fact]
    public void The_storage_data_patches_the_statefulset_on_the_loopback_api_once()
    {
        var patches = player.Runs.Select(r => (r.Name, Patches: r.KubernetesRequests.Count(k => k.Method == "PATCH"))).Where(r => r.Patches > 0);
        var template = unit.Kubernetes.StatefulSets.Get("charmarr-sim", "plex")!["spec"]!["template"]!["spec"]!;
        var plex = template["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "plex")!;

        Assert.Equal([("media-storage-relation-changed", 1)], patches);
        Assert.Contains(
            template["volumes"]!.AsArray(),
            v => v!["name"]!.GetValue<string>() == "charmarr-shared-data" && v["persistentVolumeClaim"]!["claimName"]!.GetValue<string>() == "charmarr-shared-media");
        Assert.Contains(plex["volumeMounts"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "charmarr-shared-data" && m["mountPath"]!.GetValue<string>() == "/data");
        Assert.Equal(1000, template["securityContext"]!["fsGroup"]!.GetValue<long>());
    }

    [Fact]
    public void Plex_runs_under_pebble_as_the_storage_owner_with_the_internal_url_published_and_the_port_open()
    {
        var service = Assert.Single(Plex.GetServices("plex"));
        var preferences = Plex.ReadTextFile(PreferencesPath);

        Assert.Equal("active", service.Current);
        Assert.Contains("user-id: 1000", Plex.PlanYaml, StringComparison.Ordinal);
        Assert.Contains("customConnections=\"http://plex.charmarr-sim.svc.cluster.local:32400\"", preferences, StringComparison.Ordinal);
        Assert.Equal(["32400/tcp"], unit.Backend.OpenedPorts.Select(p => p.ToString()));
    }

    [Fact]
    public void Config_is_given_to_the_storage_owner_once_by_the_containers_chown_and_stays_theirs()
    {
        var chowned = player.Runs
            .Where(r => r.Calls.Any(c => c.Tool == "juju-log" && c.Args[^1].Contains("Giving /config to 1000:1000", StringComparison.Ordinal)))
            .Select(r => r.Name);
        var config = Plex.ListFiles("/config", itself: true).Single();

        Assert.Equal(["media-storage-relation-changed"], chowned);
        Assert.Equal((1000, 1000), (config.UserId, config.GroupId));
    }

    [Fact]
    public void The_claim_exchanges_the_token_at_the_fake_plex_tv_and_writes_plexs_token_for_its_user_only()
    {
        var action = player.Runs.Single(r => r.Name == "claim-server (action)").Action!;
        var preferences = Plex.ListFiles(PreferencesPath, itself: true).Single();

        Assert.Null(action.FailureMessage);
        Assert.Equal("true", action.Results["claimed"]!.GetValue<string>());
        Assert.Equal("4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d", action.Results["machine-identifier"]!.GetValue<string>());
        Assert.Contains("PlexOnlineToken=\"sim-auth-token-0123456789\"", Plex.ReadTextFile(PreferencesPath), StringComparison.Ordinal);
        Assert.Equal((1000, 1000, 0b110_000_000), (preferences.UserId, preferences.GroupId, preferences.Permissions));
        Assert.Equal(["POST /api/claim/exchange → 200"], unit.Fakes.Single(f => f.Fake.Name == "plex.tv").Requests);
        Assert.Contains("GET /identity → 200", unit.Fakes.Single(f => f.Fake.Name == "plex server").Requests);
    }

    [Fact]
    public void The_claim_token_reaches_no_hook_tool_argument_state_plan_or_file()
    {
        var sent = unit.Calls.Where(c => c.Tool != "action-get").SelectMany(c => c.Args.Append(c.Stdin ?? ""));
        var files = new[] { PreferencesPath, "/etc/passwd", "/etc/group" }.Select(Plex.ReadTextFile);

        Assert.Contains(unit.Calls, c => c.Tool == "action-get" && c.Stdout.Contains(ClaimToken, StringComparison.Ordinal)); // the charm did receive it
        Assert.DoesNotContain(sent, text => text.Contains(ClaimToken, StringComparison.Ordinal));
        Assert.DoesNotContain(unit.Backend.UnitState.Values, text => text.Contains(ClaimToken, StringComparison.Ordinal));
        Assert.DoesNotContain(ClaimToken, Plex.PlanYaml, StringComparison.Ordinal);
        Assert.DoesNotContain(files, text => text.Contains(ClaimToken, StringComparison.Ordinal));
        Assert.DoesNotContain(player.Runs, r => r.Action is { } a && a.Results.ToJsonString().Contains(ClaimToken, StringComparison.Ordinal));
    }
}
