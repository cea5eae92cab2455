namespace Charmarr.Ops.Tests.Framework;

public sealed class StoredStateTests : IDisposable
{
    private readonly DispatchFixture<CountingCharm> fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void State_is_committed_once_at_the_end_of_a_successful_dispatch_and_read_back_by_the_next()
    {
        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));
        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));

        Assert.Equal("""{"count":2}""", fixture.Store.Data["CountingCharm/state"]);
        Assert.Equal(2, fixture.Store.Saves.Count);
    }

    [Fact]
    public void Nothing_is_committed_when_a_handler_throws()
    {
        fixture.Dispatch("hooks/config-changed");
        fixture.Backend.Config["mode"] = "fail";

        Assert.Equal(1, fixture.Dispatch("hooks/config-changed"));

        Assert.Equal("""{"count":1}""", fixture.Store.Data["CountingCharm/state"]);
        Assert.Single(fixture.Store.Saves);
    }

    [Fact]
    public void Unchanged_state_is_not_written()
    {
        fixture.Dispatch("hooks/config-changed");

        Assert.Equal(0, fixture.Dispatch("hooks/update-status"));

        Assert.Single(fixture.Store.Saves);
    }

    [Fact]
    public void A_blocked_exception_sets_blocked_exits_0_and_commits_nothing()
    {
        fixture.Backend.Config["mode"] = "block";

        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));

        Assert.Empty(fixture.Store.Saves);
        var (status, application) = Assert.Single(fixture.Backend.StatusSets);
        Assert.False(application);
        Assert.Equal(Charmarr.Ops.Model.Status.Blocked("mode 'block' is not allowed; run: juju config test mode=normal"), status);
    }
}
