using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Simulation.RealPebble;
using Charmarr.Cli.Tests.Fixtures;
using Charmarr.Ops.Pebble;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>
/// The packed plex-k8s played through the same deploy story (charms/plex-k8s/simulate.yaml) with <c>--pebble real</c>:
/// the plex container is a real Pebble (../shared/tools/pebble/pebble, v1.32.1) in a private bubblewrap root, running
/// the charm's layer with the scenario's stand-in for the Plex binary. Skipped, with the reason, where Pebble, bwrap or
/// root is missing; CI fails when these did not run (.ci/run).
/// </summary>
public sealed class PlexStoryOnRealPebbleTests(RealPebblePlexStory story) : IClassFixture<RealPebblePlexStory>
{
    private const string PreferencesPath = "/config/Library/Application Support/Plex Media Server/Preferences.xml";

    private ScenarioPlayer Player => story.Player;

    private SimulatedUnit Unit => story.Unit;

    private PebbleClient Plex => story.Plex;

    [Fact]
    public void The_plex_container_is_a_real_pebble_v1_32_1()
    {
        SkipUnlessRealPebble();
        var container = Assert.IsType<RealPebbleContainer>(Unit.Workloads["plex"]);

        Assert.Equal("v1.32.1", container.Version);
        Assert.Empty(Unit.Containers);
    }

    [Fact]
    public void Every_event_succeeds_and_every_expectation_in_the_scenario_holds()
    {
        SkipUnlessRealPebble();

        Assert.Empty(Player.Failures);
        Assert.All(Player.Runs, r => Assert.Equal(0, r.Outcome.ExitCode));
        Assert.All(Unit.Calls, c => Assert.Equal(0, c.ExitCode));
    }

    [Fact]
    public void Each_event_leaves_the_same_status_as_on_the_simulator()
    {
        SkipUnlessRealPebble();

        Assert.Equal(PlexScenarioTests.ExpectedStatuses, Player.Runs.Select(r => (r.Name, r.UnitStatus.ToString())));
    }

    [Fact]
    public async Task Pebble_runs_the_stand_in_for_plex_as_the_storage_owner_and_its_readiness_check_passes()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;

        var service = Assert.Single(await Plex.GetServicesAsync(["plex"], token));
        var check = Assert.Single(await Plex.GetChecksAsync(names: ["plex-ready"], cancellationToken: token));
        var plan = await Plex.GetPlanAsync(token);
        // The stand-in's script execs dotnet: the process Pebble started for the service.
        var owner = await Plex.ExecAsync(new PebbleExecRequest(["sh", "-c", "for s in /proc/[0-9]*/status; do grep -q '^Name:\tdotnet$' $s && grep '^Uid:' $s; done; true"]), cancellationToken: token);
        var logs = await Plex.GetLogsAsync(["plex"], cancellationToken: token);

        Assert.True(service.IsRunning);
        Assert.True(check.Successes > 0, $"plex-ready: {check}");
        Assert.Equal("\"/usr/lib/plexmediaserver/Plex Media Server\"", plan.Services["plex"].Command);
        Assert.Equal(1000, plan.Services["plex"].UserId);
        Assert.Contains(logs, l => l.Message.Contains("charmarr stand-in for /usr/lib/plexmediaserver/Plex Media Server: answering on port 32400", StringComparison.Ordinal));
        Assert.Equal("Uid:\t1000\t1000\t1000\t1000\n", owner.Stdout);
    }

    [Fact]
    public async Task The_notifier_service_recorded_the_ready_notice_itself_once_after_the_checks_first_success()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;

        var notice = Assert.Single(await Plex.GetNoticesAsync(new PebbleNoticesQuery { Types = [NoticeType.Custom] }, token));
        var notifier = Assert.Single(await Plex.GetServicesAsync(["plex-ready-notifier"], token));
        var logs = await Plex.GetLogsAsync(["plex-ready-notifier"], cancellationToken: token);
        var run = Player.Runs.Single(r => r.Name == "plex-pebble-custom-notice");

        Assert.Equal("charmarr.dev/plex-ready", notice.Key);
        Assert.Equal(0L, notice.UserId);
        Assert.True(notifier.IsRunning); // idle: an exited enabled service would make every reconcile replan
        Assert.Contains(logs, l => l.Message.Contains("Recorded notice " + notice.Id, StringComparison.Ordinal));
        Assert.Contains(run.Calls, c => c.Tool == "open-port");
        Assert.Equal(1, notice.Occurrences);
        Assert.Equal(["media-storage-relation-changed"], Player.Runs.Where(r => r.Calls.Any(c => c.Tool == "juju-log" && c.Args[^1].Contains("layer changed; replanned", StringComparison.Ordinal))).Select(r => r.Name));
    }

    [Fact]
    public async Task The_chores_ran_in_the_containers_root_config_chowned_accounts_added_and_this_machine_untouched()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;

        var config = Assert.Single(await Plex.ListFilesAsync("/config", itself: true, cancellationToken: token));
        var library = Assert.Single(await Plex.ListFilesAsync("/config/Library", itself: true, cancellationToken: token));
        var passwd = await Plex.PullTextAsync("/etc/passwd", token);
        var group = await Plex.PullTextAsync("/etc/group", token);
        var chowned = Player.Runs.Where(r => r.Calls.Any(c => c.Tool == "juju-log" && c.Args[^1].Contains("Giving /config to 1000:1000", StringComparison.Ordinal)));

        Assert.Equal((1000L, 1000L), (config.UserId, config.GroupId));
        Assert.Equal((1000L, 1000L), (library.UserId, library.GroupId));
        Assert.Equal("root:x:0:0:root:/root:/bin/bash\nplex:x:1000:1000::/config:/bin/false\n", passwd);
        Assert.Equal("root:x:0:\nplex:x:1000:\n", group);
        Assert.Equal(["media-storage-relation-changed"], chowned.Select(r => r.Name));
        Assert.Equal(story.HostAccountsBefore, RealPebblePlexStory.HostAccountFiles.Select(File.ReadAllText));
        Assert.Equal(story.HostConfigBefore, Directory.Exists("/config"));
    }

    [Fact]
    public async Task The_claim_writes_plexs_token_for_its_user_only_and_restarts_plex_on_real_pebble()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;
        var action = Player.Runs.Single(r => r.Name == "claim-server (action)").Action!;

        var preferences = Assert.Single(await Plex.ListFilesAsync(PreferencesPath, itself: true, cancellationToken: token));
        var text = await Plex.PullTextAsync(PreferencesPath, token);
        var starts = (await Plex.GetLogsAsync(["plex"], cancellationToken: token)).Count(l => l.Message.Contains(": answering on port", StringComparison.Ordinal));

        Assert.Null(action.FailureMessage);
        Assert.Equal("4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d", action.Results["machine-identifier"]!.GetValue<string>());
        Assert.Contains("PlexOnlineToken=\"sim-auth-token-0123456789\"", text, StringComparison.Ordinal);
        Assert.Contains("customConnections=\"http://plex.charmarr-sim.svc.cluster.local:32400\"", text, StringComparison.Ordinal);
        Assert.Equal((1000L, 1000L, 0b110_000_000), (preferences.UserId, preferences.GroupId, preferences.Permissions));
        Assert.Equal(2, starts);
        Assert.Equal(["POST /api/claim/exchange → 200"], Unit.Fakes.Single(f => f.Fake.Name == "plex.tv").Requests);
    }

    private void SkipUnlessRealPebble()
    {
        if (story.SkipReason is not null)
        {
            Assert.Skip(story.SkipReason);
        }
    }
}

/// <summary>The plex story played once on real Pebble for all of <see cref="PlexStoryOnRealPebbleTests"/> (a play
/// takes about 13 s, most of it waiting for the readiness check's first success on Pebble's 10 s schedule).</summary>
public sealed class RealPebblePlexStory(PackedPlexCharm charm) : IAsyncLifetime
{
    internal static readonly string[] HostAccountFiles = ["/etc/passwd", "/etc/group"];
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-real-test-").FullName;

    /// <summary>Why the story was not played (no Pebble, bwrap or root), or null.</summary>
    internal string? SkipReason { get; private set; }

    internal ScenarioPlayer Player { get; private set; } = null!;

    internal SimulatedUnit Unit { get; private set; } = null!;

    internal PebbleClient Plex { get; private set; } = null!;

    internal string[] HostAccountsBefore { get; private set; } = [];

    internal bool HostConfigBefore { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!RealPebbleTools.TryFind(null, out var tools, out var problem))
        {
            SkipReason = problem;
            return;
        }

        HostAccountsBefore = [.. HostAccountFiles.Select(File.ReadAllText)];
        HostConfigBefore = Directory.Exists("/config");
        CharmArchive.Extract(charm.Path, directory);
        var scenarioPath = Path.Combine(RepositoryPaths.PlexCharm, "simulate.yaml");
        var scenario = ScenarioReader.Parse(File.ReadAllText(scenarioPath), scenarioPath);
        Unit = await SimulatedUnit.StartAsync(directory, scenario, ShimLocator.Find(), tools);
        Plex = new PebbleClient(Unit.Workloads["plex"].SocketPath);
        Player = new ScenarioPlayer(Unit, new EventPrinter(TextWriter.Null));
        await Player.PlayAsync(scenario);
    }

    public async ValueTask DisposeAsync()
    {
        Plex?.Dispose();
        if (Unit is not null)
        {
            await Unit.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}
