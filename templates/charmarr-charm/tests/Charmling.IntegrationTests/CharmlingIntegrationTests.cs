using Charmarr.Ops.Integration.Waiting;
using Charmarr.Ops.Integration.Xunit;

namespace Charmling.IntegrationTests;

/// <summary>The packed charm on a real Juju: deploy, reconfigure, block on bad config, run the action. Each test leaves
/// the application as it found it.</summary>
public sealed class CharmlingIntegrationTests(CharmlingModelFixture fixture)
    : JujuIntegrationTest<CharmlingModelFixture>(fixture), IClassFixture<CharmlingModelFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_port_is_served_after_a_config_change()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        await juju.SetConfigAsync(CharmlingModelFixture.App, new Dictionary<string, string> { ["port"] = "9090" }, Ct);
        await juju.WaitAsync(Conditions.UnitWorkload("charmling/0", "active", "port 9090"), Conditions.AnyError(), CharmlingModelFixture.Slow, Ct);
        await juju.ResetConfigAsync(CharmlingModelFixture.App, ["port"], Ct);
        await juju.WaitAsync(Conditions.UnitWorkload("charmling/0", "active", "port 8080"), Conditions.AnyError(), CharmlingModelFixture.Slow, Ct);
    }

    [Fact]
    public async Task An_out_of_range_port_blocks_with_the_command_that_fixes_it()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        await juju.SetConfigAsync(CharmlingModelFixture.App, new Dictionary<string, string> { ["port"] = "80" }, Ct);
        var blocked = await juju.WaitAsync(Conditions.AllBlocked(CharmlingModelFixture.App), Conditions.AnyError(), CharmlingModelFixture.Slow, Ct);
        await juju.ResetConfigAsync(CharmlingModelFixture.App, ["port"], Ct);
        await juju.WaitAsync(Conditions.AllActive(CharmlingModelFixture.App), Conditions.AnyError(), CharmlingModelFixture.Slow, Ct);

        Assert.Contains("juju config charmling port=", blocked.GetUnit("charmling/0")!.WorkloadStatus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restart_action_restarts_the_workload()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        var task = await juju.RunActionAsync("charmling/leader", "restart", new() { ["reason"] = "integration test" }, TimeSpan.FromMinutes(2), cancellationToken: Ct);

        Assert.True(task.IsSuccess);
        Assert.NotNull(task.GetResult("restarted"));
    }
}
