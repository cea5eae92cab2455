using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing;

namespace Charmling.Tests;

/// <summary>
/// The charm in a simulated deployment, one event at a time. <see cref="Harness{TCharm}"/> runs every event through the
/// production dispatcher, built by <see cref="CharmlingApp.Configure"/> as Program.cs builds it, against an in-memory
/// Juju and a simulated Pebble per container; charmcraft.yaml (copied beside the tests) is the charm's metadata.
/// </summary>
public sealed class CharmlingCharmTests : IDisposable
{
    private readonly Harness<CharmlingCharm> harness = new(AppContext.BaseDirectory, b => CharmlingApp.Configure(b));

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Pebble_ready_starts_the_workload_on_the_default_port_and_the_unit_goes_active()
    {
        harness.BeginWithInitialHooks(); // install, leader-settings-changed, config-changed, start, workload-pebble-ready

        AssertServingOn(8080);
    }

    [Fact]
    public void A_new_port_replans_the_workload_and_moves_the_opened_port()
    {
        harness.BeginWithInitialHooks();

        harness.UpdateConfig(("port", 9090));

        AssertServingOn(9090);
        Assert.True(harness.LastEvent.Restarted("workload", "workload"));
    }

    [Fact]
    public void An_unchanged_config_does_not_replan()
    {
        harness.BeginWithInitialHooks();

        harness.UpdateConfig(("port", 8080));

        Assert.Empty(harness.LastEvent.ServiceChanges);
    }

    [Fact]
    public void An_out_of_range_port_blocks_the_unit_with_the_command_that_fixes_it_and_keeps_the_workload_running()
    {
        harness.BeginWithInitialHooks();

        harness.UpdateConfig(("port", 80));

        Assert.Equal(Status.Blocked("port 80 is out of range; run: juju config charmling port=<1024-65535>"), harness.UnitStatus);
        Assert.Contains("-p 8080", Command(), StringComparison.Ordinal);
        Assert.Equal([Port.Tcp(8080)], harness.OpenedPorts);
    }

    [Fact]
    public void Before_Pebble_is_up_the_unit_waits_without_failing_the_hook()
    {
        harness.Begin(); // the workload container has not started: its Pebble is not reachable yet

        harness.UpdateConfig(("port", 8081));

        Assert.Equal(Status.Waiting("waiting for Pebble in the workload container"), harness.UnitStatus);
        Assert.Empty(harness.OpenedPorts);
    }

    [Fact]
    public void The_restart_action_restarts_the_workload_and_reports_it()
    {
        harness.BeginWithInitialHooks();

        var result = harness.RunAction("restart", ("reason", "new certificate"));

        Assert.False(result.Failed, result.FailureMessage);
        Assert.Equal("workload", result.Result("restarted"));
        Assert.True(harness.LastEvent.Restarted("workload", "workload"));
        Assert.Contains(harness.LogMessages(JujuLogLevel.Info), m => m.EndsWith("Restarting the workload (new certificate)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_restart_action_fails_with_what_to_do_before_the_workload_runs()
    {
        harness.Begin();

        var result = harness.RunAction("restart");

        Assert.Equal("the workload is not running yet; retry once the unit is active", result.FailureMessage);
    }

    [Theory]
    [InlineData("force", true, "action \"restart\" has no parameter \"force\"")]
    [InlineData("reason", 42, "parameter \"reason\" of action \"restart\" must be string")]
    public void The_restart_action_takes_only_the_parameters_charmcraft_yaml_declares(string key, object value, string problem)
    {
        harness.BeginWithInitialHooks();

        var e = Assert.Throws<ArgumentException>(() => harness.RunAction("restart", (key, value)));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.6.4")]
    [InlineData("4.0.16")]
    public void The_deploy_story_passes_under_Juju_3_6_and_4(string jujuVersion)
    {
        // Juju 4 removed leader-get/leader-set and private-address, and defaults action schemas to
        // additionalProperties: false; the Harness emulates the version the options name.
        using var juju = new Harness<CharmlingCharm>(AppContext.BaseDirectory, b => CharmlingApp.Configure(b), new CharmTestOptions { JujuVersion = jujuVersion });
        juju.BeginWithInitialHooks();

        juju.UpdateConfig(("port", 9090));
        var restart = juju.RunAction("restart", ("reason", "upgrade"));

        Assert.False(restart.Failed, restart.FailureMessage);
        Assert.Equal(Status.Active("serving HTTP on port 9090"), juju.UnitStatus);
        Assert.Equal([Port.Tcp(9090)], juju.OpenedPorts);
    }

    /// <summary>The workload runs on <paramref name="port"/>, Juju has it open, and the unit says so.</summary>
    private void AssertServingOn(int port)
    {
        Assert.Equal($"httpd -f -v -p {port} -h /www", Command());
        Assert.True(harness.IsRunning("workload", "workload"));
        Assert.Equal([Port.Tcp(port)], harness.OpenedPorts);
        Assert.Equal(Status.Active($"serving HTTP on port {port}"), harness.UnitStatus);
    }

    private string? Command() => harness.GetPlan("workload").Services["workload"].Command;
}
