using Charmarr.Ops.Model;

namespace Charmarr.Ops.Tests.Framework;

public sealed class CollectStatusTests : IDisposable
{
    private readonly DispatchFixture<StatusCharm> fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void The_highest_priority_status_is_set_once_and_the_first_added_wins_a_tie()
    {
        fixture.Recorder.Calls.AddRange(["active:fine", "waiting:later", "blocked:first", "maintenance:busy", "blocked:second"]);

        fixture.Dispatch("hooks/update-status");

        var (status, _) = Assert.Single(fixture.Backend.StatusSets);
        Assert.Equal(Status.Blocked("first"), status);
    }

    [Fact]
    public void No_status_is_set_when_no_status_is_added()
    {
        fixture.Dispatch("hooks/update-status");

        Assert.Empty(fixture.Backend.StatusSets);
    }

    [Fact]
    public void The_app_status_is_collected_on_the_leader_only()
    {
        fixture.Recorder.Calls.Add("active:unit ok");
        fixture.Dispatch("hooks/update-status");
        Assert.DoesNotContain(fixture.Backend.StatusSets, s => s.Application);

        fixture.Backend.Leader = true;
        fixture.Dispatch("hooks/update-status");
        Assert.Contains(fixture.Backend.StatusSets, s => s.Application && s.Status == Status.Active("app ok"));
    }

    [Fact]
    public void Collect_status_runs_even_for_events_the_charm_does_not_observe()
    {
        fixture.Recorder.Calls.Add("waiting:for something");

        Assert.Equal(0, fixture.Dispatch("hooks/upgrade-charm"));

        Assert.Equal(Status.Waiting("for something"), Assert.Single(fixture.Backend.StatusSets).Status);
    }
}
