using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Tests.Fixtures;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The packed sample charm played through its scenario: real dispatch processes, native shims, the in-memory model.</summary>
public sealed class SampleScenarioTests(PackedSampleCharm charm) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-sim-test-").FullName;
    private ScenarioPlayer player = null!;
    private SimulatedUnit unit = null!;

    public async ValueTask InitializeAsync()
    {
        CharmArchive.Extract(charm.Path, directory);
        var scenarioPath = Path.Combine(RepositoryPaths.SampleCharm, "simulate.yaml");
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
        Assert.Equal(
            ["install", "leader-elected", "config-changed", "db-relation-created", "db-relation-joined", "db-relation-changed", "db-relation-changed", "config-changed", "config-changed", "greet (action)", "update-status"],
            player.Runs.Select(r => r.Name));
    }

    [Fact]
    public void The_unit_ends_active_on_the_configured_port_with_the_dsn_kept_in_controller_state()
    {
        Assert.Equal("active: serving on port 9090", unit.Backend.UnitStatus.ToString());
        Assert.Equal("active", unit.Backend.AppStatus.ToString());
        Assert.Contains("postgresql://pg/sample", unit.Backend.UnitState.Values.Single(), StringComparison.Ordinal);
        Assert.Equal(["9090/tcp"], unit.Backend.OpenedPorts.Select(p => p.ToString()));
    }

    [Fact]
    public void The_deferred_relation_event_is_re_emitted_when_the_dsn_arrives()
    {
        var firstChanged = player.Runs[5];
        var secondChanged = player.Runs[6];

        Assert.Contains(firstChanged.Calls, c => c.Tool == "juju-log" && c.Args[^1].StartsWith("Deferring db-relation-changed", StringComparison.Ordinal));
        Assert.Contains(secondChanged.Calls, c => c.Tool == "relation-get" && c.Args.SequenceEqual(["--format=json", "-r", "db:1", "--app", "-", "pg"]));
        Assert.Equal("waiting", firstChanged.UnitStatus.Name);
        Assert.Equal("active", secondChanged.UnitStatus.Name);
    }

    [Fact]
    public void The_action_runs_with_its_parameters_and_sets_results()
    {
        var action = player.Runs.Single(r => r.Name == "greet (action)").Action!;

        Assert.Null(action.FailureMessage);
        Assert.Equal("Hello, Ada!", action.Results["message"]!.GetValue<string>());
        Assert.Equal(["composing a greeting"], action.Logs);
    }

    [Fact]
    public void No_hook_tool_call_was_rejected_and_each_event_was_answered_over_the_socket()
    {
        Assert.All(unit.Calls, c => Assert.Equal(0, c.ExitCode));
        Assert.All(player.Runs, r => Assert.NotEmpty(r.Calls));
        Assert.Equal(unit.Calls.Count, player.Runs.Sum(r => r.Calls.Count));
    }
}
