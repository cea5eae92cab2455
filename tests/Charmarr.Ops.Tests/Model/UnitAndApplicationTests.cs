using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Model;

/// <summary>Unit and application status, ports and planned units.</summary>
public sealed class UnitAndApplicationTests
{
    private readonly FakeJujuBackend _backend = new();

    [Theory]
    [InlineData(StatusKind.Active)]
    [InlineData(StatusKind.Blocked)]
    [InlineData(StatusKind.Maintenance)]
    [InlineData(StatusKind.Waiting)]
    public void Unit_status_set_sends_status_set_and_is_remembered(StatusKind kind)
    {
        var model = TestModels.Model(_backend);
        var status = new Status(kind, "msg");
        model.Unit.Status = status;
        Assert.Equal([(status, false)], _backend.StatusSets);
        Assert.Equal(status, model.Unit.Status);
        Assert.Equal(0, _backend.CallCount("status-get"));
    }

    [Theory]
    [InlineData(StatusKind.Error)]
    [InlineData(StatusKind.Unknown)]
    [InlineData(StatusKind.Terminated)]
    public void Unit_status_refuses_statuses_a_charm_cannot_set(StatusKind kind)
    {
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<ArgumentException>(() => model.Unit.Status = new Status(kind, "x"));
        Assert.Contains(StatusNames.ToName(kind), ex.Message);
        Assert.Empty(_backend.StatusSets);
    }

    [Fact]
    public void Unit_status_read_asks_once()
    {
        _backend.UnitStatus = Status.Waiting("for db");
        var model = TestModels.Model(_backend);
        Assert.Equal(Status.Waiting("for db"), model.Unit.Status);
        Assert.Equal(Status.Waiting("for db"), model.Unit.Status);
        Assert.Equal(1, _backend.CallCount("status-get"));
    }

    [Fact]
    public void App_status_refuses_a_non_leader()
    {
        _backend.Leader = false;
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<InvalidOperationException>(() => model.App.Status = Status.Active());
        Assert.Contains("not the leader", ex.Message);
        Assert.Throws<InvalidOperationException>(() => model.App.Status);
        Assert.Empty(_backend.StatusSets);
        Assert.Equal(0, _backend.CallCount("status-get"));
    }

    [Fact]
    public void App_status_as_leader_sets_the_application_status()
    {
        _backend.Leader = true;
        var model = TestModels.Model(_backend);
        model.App.Status = Status.Blocked("need db");
        Assert.Equal([(Status.Blocked("need db"), true)], _backend.StatusSets);
        Assert.Equal(Status.Blocked("need db"), model.App.Status);
    }

    [Fact]
    public void App_status_refuses_error_even_for_the_leader()
    {
        _backend.Leader = true;
        var model = TestModels.Model(_backend);
        Assert.Throws<ArgumentException>(() => model.App.Status = new Status(StatusKind.Error, "x"));
        Assert.Empty(_backend.StatusSets);
    }

    [Fact]
    public void SetPorts_closes_extra_and_opens_missing_ports()
    {
        _backend.OpenPorts.AddRange([Port.Tcp(80), Port.Tcp(443), Port.Udp(53)]);
        var model = TestModels.Model(_backend);
        model.Unit.SetPorts(Port.Tcp(443), Port.Tcp(8080), Port.Icmp);
        Assert.Equal(
            ["opened-ports", "close-port 53/udp", "close-port 80/tcp", "open-port 8080/tcp", "open-port icmp"],
            _backend.Calls);
        Assert.Equal([Port.Tcp(443), Port.Tcp(8080), Port.Icmp], _backend.OpenPorts);
    }

    [Fact]
    public void SetPorts_calls_nothing_when_ports_already_match()
    {
        _backend.OpenPorts.AddRange([Port.Tcp(80), Port.Parse("1000-2000/udp")]);
        var model = TestModels.Model(_backend);
        model.Unit.SetPorts(Port.Parse("1000-2000/udp"), Port.Parse("80"));
        Assert.Equal(["opened-ports"], _backend.Calls);
    }

    [Fact]
    public void SetPorts_with_nothing_closes_everything()
    {
        _backend.OpenPorts.Add(Port.Tcp(80));
        TestModels.Model(_backend).Unit.SetPorts();
        Assert.Empty(_backend.OpenPorts);
    }

    [Fact]
    public void PlannedUnits_ignores_dying_units_and_asks_once()
    {
        _backend.Goal = new GoalState(
            new Dictionary<string, GoalStateEntry>
            {
                ["plex/0"] = new("active", null),
                ["plex/1"] = new("waiting", null),
                ["plex/2"] = new("dying", null),
                ["plex/3"] = new("maintenance", null),
            },
            new Dictionary<string, IReadOnlyDictionary<string, GoalStateEntry>>());
        var app = TestModels.Model(_backend).App;
        Assert.Equal(3, app.PlannedUnits());
        Assert.Equal(3, app.PlannedUnits());
        Assert.Equal(1, _backend.CallCount("goal-state"));
    }
}
