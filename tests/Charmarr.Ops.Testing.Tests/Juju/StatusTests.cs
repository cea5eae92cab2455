using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

public sealed class StatusTests
{
    private readonly MemoryJujuBackend backend = new("plex/1");

    [Fact]
    public void Statuses_start_unknown()
    {
        Assert.Equal(Status.Unknown, backend.GetStatus(application: false).Status);
        Assert.Equal(Status.Unknown, backend.AppStatus);
    }

    [Fact]
    public void The_unit_status_is_set_at_once_and_kept_in_history()
    {
        backend.SetStatus(Status.Maintenance("installing"), application: false);
        backend.SetStatus(Status.Active(), application: false);

        Assert.Equal(Status.Active(), backend.GetStatus(application: false).Status);
        Assert.Equal([Status.Maintenance("installing"), Status.Active()], backend.UnitStatusHistory);
    }

    public static TheoryData<StatusKind> NotSettable =>
        new(Enum.GetValues<StatusKind>().Where(kind => !new Status(kind).IsSettable));

    [Theory]
    [MemberData(nameof(NotSettable))]
    public void Every_status_a_charm_may_not_set_is_refused_for_unit_and_application(StatusKind kind)
    {
        backend.Leader = true;

        Assert.Throws<ArgumentException>(() => backend.SetStatus(new Status(kind, "x"), application: false));
        Assert.Throws<ArgumentException>(() => backend.SetStatus(new Status(kind, "x"), application: true));
        Assert.Empty(backend.UnitStatusHistory.Concat(backend.AppStatusHistory));
    }

    [Fact]
    public void Only_the_leader_sets_the_application_status()
    {
        var ex = Assert.Throws<PermissionDeniedException>(() => backend.SetStatus(Status.Active(), application: true));
        Assert.Equal("status-set", ex.Tool);

        backend.Leader = true;
        backend.SetStatus(Status.Blocked("needs storage"), application: true);
        Assert.Equal(Status.Blocked("needs storage"), backend.AppStatus);
    }

    [Fact]
    public void Only_the_leader_reads_the_application_status_which_lists_every_planned_unit()
    {
        Assert.Throws<PermissionDeniedException>(() => backend.GetStatus(application: true));

        backend.Leader = true;
        backend.SetPlannedUnits(3);
        backend.SetStatus(Status.Active("ok"), application: false);
        var report = backend.GetStatus(application: true);

        Assert.Equal(["plex/0", "plex/1", "plex/2"], report.Units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Status.Active("ok"), report.Units["plex/1"]);
        Assert.Equal(Status.Unknown, report.Units["plex/0"]);
    }

    [Fact]
    public void Goal_state_has_the_planned_units_and_each_relations_members()
    {
        backend.SetPlannedUnits(2);
        var id = backend.AddRelation("media-manager", "radarr");
        backend.AddRemoteUnit(id, "radarr/0");

        var goal = backend.GetGoalState();

        Assert.Equal(2, goal.Units.Count);
        Assert.Equal("joined", goal.Relations["media-manager"]["radarr"].Status);
        Assert.Equal("active", goal.Relations["media-manager"]["radarr/0"].Status);
    }

    [Fact]
    public void The_workload_version_is_the_last_one_set()
    {
        backend.SetApplicationVersion("1.40.0");
        backend.SetApplicationVersion("1.41.2");

        Assert.Equal("1.41.2", backend.WorkloadVersion);
    }

    [Fact]
    public void Juju_log_lines_are_kept_in_order_with_their_level()
    {
        backend.Log(JujuLogLevel.Info, "one");
        backend.Log(JujuLogLevel.Warning, "two");

        Assert.Equal([new JujuLogLine(JujuLogLevel.Info, "one"), new JujuLogLine(JujuLogLevel.Warning, "two")], backend.Logs);
    }
}
