using Charmarr.Ops.Events;
using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.Events;

/// <summary>Picking one status out of many (ops.md §3.8).</summary>
public sealed class CollectStatusEventTests
{
    [Fact]
    public void Highest_is_null_when_nothing_was_added()
    {
        Assert.Null(new CollectUnitStatusEvent().Highest());
    }

    [Fact]
    public void Priority_is_blocked_then_maintenance_then_waiting_then_active()
    {
        var ev = new CollectUnitStatusEvent();
        ev.AddStatus(Status.Active("ok"));
        Assert.Equal(Status.Active("ok"), ev.Highest());
        ev.AddStatus(Status.Waiting("db"));
        Assert.Equal(Status.Waiting("db"), ev.Highest());
        ev.AddStatus(Status.Maintenance("installing"));
        Assert.Equal(Status.Maintenance("installing"), ev.Highest());
        ev.AddStatus(Status.Blocked("need config"));
        Assert.Equal(Status.Blocked("need config"), ev.Highest());
        ev.AddStatus(Status.Active("later"));
        Assert.Equal(Status.Blocked("need config"), ev.Highest());
    }

    [Fact]
    public void Higher_priority_wins_whatever_the_order()
    {
        var ev = new CollectAppStatusEvent();
        ev.AddStatus(Status.Blocked("b"));
        ev.AddStatus(Status.Maintenance("m"));
        ev.AddStatus(Status.Waiting("w"));
        ev.AddStatus(Status.Active("a"));
        Assert.Equal(Status.Blocked("b"), ev.Highest());
    }

    [Fact]
    public void Ties_go_to_the_first_added()
    {
        var ev = new CollectUnitStatusEvent();
        ev.AddStatus(Status.Active("first active"));
        ev.AddStatus(Status.Waiting("first"));
        ev.AddStatus(Status.Waiting("second"));
        ev.AddStatus(Status.Waiting("third"));
        Assert.Equal(Status.Waiting("first"), ev.Highest());
        Assert.Equal(4, ev.Statuses.Count);
    }

    [Fact]
    public void Status_priorities_order_error_over_blocked_over_maintenance_over_waiting_over_active()
    {
        Assert.True(new Status(StatusKind.Error).Priority > Status.Blocked("").Priority);
        Assert.True(Status.Blocked("").Priority > Status.Maintenance("").Priority);
        Assert.True(Status.Maintenance("").Priority > Status.Waiting("").Priority);
        Assert.True(Status.Waiting("").Priority > Status.Active().Priority);
        Assert.True(Status.Active().Priority > Status.Unknown.Priority);
    }

    [Theory]
    [InlineData(StatusKind.Error)]
    [InlineData(StatusKind.Unknown)]
    [InlineData(StatusKind.Terminated)]
    public void AddStatus_refuses_statuses_a_charm_cannot_set(StatusKind kind)
    {
        var ev = new CollectUnitStatusEvent();
        Assert.Throws<ArgumentException>(() => ev.AddStatus(new Status(kind, "x")));
        Assert.Empty(ev.Statuses);
        Assert.Null(ev.Highest());
    }

    [Fact]
    public void Names_are_collect_unit_and_app_status()
    {
        Assert.Equal("collect-unit-status", new CollectUnitStatusEvent().Name);
        Assert.Equal("collect-app-status", new CollectAppStatusEvent().Name);
    }
}
