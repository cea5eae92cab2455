using Charmarr.Ops.Integration.Tests.Support;
using Charmarr.Ops.Integration.Waiting;

namespace Charmarr.Ops.Integration.Tests.Waiting;

/// <summary><see cref="JujuClient.WaitAsync"/> polls status until its condition holds, stops on its error condition, and
/// times out with the last status in the message.</summary>
public sealed class WaitTests
{
    private static readonly string[] StatusArgv = ["status", "--model", "plex-it", "--format", "json"];
    private static readonly WaitOptions NoDelay = new() { Delay = TimeSpan.Zero, Successes = 2 };

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task The_wait_ends_once_the_condition_held_for_the_asked_number_of_statuses_in_a_row(string jujuVersion)
    {
        using var juju = new FakeJuju();
        var active = Golden.Read(jujuVersion, "status-active.json");
        var error = Golden.Read(jujuVersion, "status-error.json");
        juju.Expect(StatusArgv, active).Expect(StatusArgv, error).Expect(StatusArgv, active).Expect(StatusArgv, active);

        var status = await juju.Client().WaitAsync(
            Conditions.AllActive("plex", "charmarr-storage") & Conditions.AllAgentsIdle(), wait: NoDelay, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(status.Applications["plex"].IsActive);
        juju.AssertAllCalled(); // active, error (resets the count), active, active
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task The_error_condition_ends_the_wait_with_the_status_that_met_it(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read(jujuVersion, "status-error.json"));

        var e = await Assert.ThrowsAsync<JujuWaitErrorException>(() => juju.Client().WaitAsync(
            Conditions.AllActive("plex"), Conditions.AnyError(), NoDelay, TestContext.Current.CancellationToken));

        Assert.Contains("any of every application in error", e.Message, StringComparison.Ordinal);
        Assert.Contains("plex/0* error/idle: hook failed: \"config-changed\"", e.Message, StringComparison.Ordinal);
        Assert.True(e.Status!.GetUnit("plex/0")!.IsError);
    }

    [Fact]
    public async Task A_timeout_names_the_condition_and_shows_the_last_status()
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read("4.0", "status-active.json")).Expect(StatusArgv, Golden.Read("4.0", "status-active.json"));
        var clock = new SteppingClock(TimeSpan.FromMinutes(1));

        var e = await Assert.ThrowsAsync<JujuWaitTimeoutException>(() => juju.Client(time: clock).WaitAsync(
            Conditions.UnitWorkload("plex/1", "blocked"), wait: NoDelay with { Timeout = TimeSpan.FromMinutes(3) },
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("timed out after 00:03:00 waiting for plex/1 blocked", e.Message, StringComparison.Ordinal);
        Assert.Contains("plex/0* active/idle: Unclaimed", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.LastStatus);
        Assert.IsAssignableFrom<TimeoutException>(e);
        juju.AssertAllCalled(); // start at 0 min; polls at 1 and 2 min; 3 min is the timeout
    }
}
