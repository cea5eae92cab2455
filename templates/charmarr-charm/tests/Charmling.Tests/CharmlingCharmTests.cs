using System.Text.Json.Nodes;
using Charmarr.Ops.Model;

namespace Charmling.Tests;

public sealed class CharmlingCharmTests : IDisposable
{
    private readonly CharmlingUnit unit = new();

    public void Dispose() => unit.Dispose();

    [Fact]
    public async Task Pebble_ready_starts_the_workload_on_the_default_port()
    {
        Assert.Equal(0, await unit.PebbleReadyAsync());

        AssertServingOn(8080);
    }

    [Fact]
    public async Task A_new_port_replans_the_workload_and_moves_the_opened_port()
    {
        await unit.PebbleReadyAsync();

        Assert.Equal(0, await unit.ConfigChangedAsync("port", 9090));

        AssertServingOn(9090);
    }

    [Fact]
    public async Task An_out_of_range_port_blocks_the_unit_and_keeps_the_running_plan()
    {
        await unit.PebbleReadyAsync();

        Assert.Equal(0, await unit.ConfigChangedAsync("port", 80));

        Assert.Equal(StatusKind.Blocked, unit.Juju.UnitStatus.Kind);
        Assert.Contains("juju config charmling port=", unit.Juju.UnitStatus.Message, StringComparison.Ordinal);
        Assert.Contains("-p 8080", unit.Workload.PlanYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_Pebble_is_up_the_unit_waits_without_failing_the_hook()
    {
        unit.Pebble.For("workload").CanConnect = false;

        Assert.Equal(0, await unit.ConfigChangedAsync("port", 8081));

        Assert.Equal(StatusKind.Waiting, unit.Juju.UnitStatus.Kind);
        Assert.Empty(unit.Juju.OpenedPorts);
    }

    [Fact]
    public async Task The_restart_action_restarts_the_workload()
    {
        await unit.PebbleReadyAsync();

        var action = await unit.RunActionAsync("restart", new JsonObject { ["reason"] = "test" });

        Assert.Null(action.FailureMessage);
        Assert.Equal("workload", (string?)action.Results["restarted"]);
        Assert.Contains(unit.Workload.GetChanges("all", "workload"), c => c.Kind == "restart");
    }

    [Fact]
    public async Task The_restart_action_fails_with_a_reason_before_the_workload_is_set_up()
    {
        unit.Pebble.For("workload").CanConnect = false;

        var action = await unit.RunActionAsync("restart");

        Assert.Equal("the workload is not running yet; retry once the unit is active", action.FailureMessage);
    }

    /// <summary>The workload runs on <paramref name="port"/>, Juju has it open, and the unit says so.</summary>
    private void AssertServingOn(int port)
    {
        Assert.Contains($"command: httpd -f -v -p {port} -h /www", unit.Workload.PlanYaml, StringComparison.Ordinal);
        Assert.Equal("active", Assert.Single(unit.Workload.GetServices(["workload"])).Current);
        Assert.Equal([Port.Tcp(port)], unit.Juju.OpenedPorts);
        Assert.Equal(Status.Active($"serving HTTP on port {port}"), unit.Juju.UnitStatus);
    }
}
