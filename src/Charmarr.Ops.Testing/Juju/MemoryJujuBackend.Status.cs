using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private readonly List<string> appUnits = [];
    private readonly List<Status> unitStatusHistory = [];
    private readonly List<Status> appStatusHistory = [];

    /// <summary>This unit's status; <c>unknown</c> until the charm sets one.</summary>
    public Status UnitStatus { get; private set; } = Status.Unknown;

    /// <summary>This application's status; <c>unknown</c> until the leader sets one.</summary>
    public Status AppStatus { get; private set; } = Status.Unknown;

    /// <summary>Every unit status the charm has set, oldest first.</summary>
    public IReadOnlyList<Status> UnitStatusHistory => unitStatusHistory;

    /// <summary>Every application status the charm has set, oldest first.</summary>
    public IReadOnlyList<Status> AppStatusHistory => appStatusHistory;

    /// <summary>The workload version the charm set last; empty when none.</summary>
    public string WorkloadVersion { get; private set; } = string.Empty;

    /// <summary>The units of this application Juju is working toward, this unit included.</summary>
    public IReadOnlyList<string> AppUnits => appUnits;

    /// <summary>Sets how many units the application should have: this unit plus <c>app/N</c> units numbered from 0.</summary>
    /// <param name="count">At least 1.</param>
    public void SetPlannedUnits(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        appUnits.Clear();
        appUnits.Add(UnitName);
        for (var n = 0; appUnits.Count < count; n++)
        {
            var unit = FormattableString.Invariant($"{AppName}/{n}");
            if (unit != UnitName)
            {
                appUnits.Add(unit);
            }
        }
    }

    /// <summary>Puts the statuses a unit already has (any kind, no history entry): the state-transition API's input.</summary>
    internal void RestoreStatus(Status unit, Status app)
    {
        UnitStatus = unit;
        AppStatus = app;
    }

    /// <inheritdoc />
    public StatusReport GetStatus(bool application)
    {
        if (!application)
        {
            return new StatusReport(UnitStatus, new Dictionary<string, Status>(StringComparer.Ordinal));
        }

        if (!Leader)
        {
            throw Fail("status-get", 1, "finding application status: this unit is not the leader");
        }

        var units = appUnits.ToDictionary(u => u, u => u == UnitName ? UnitStatus : Status.Unknown, StringComparer.Ordinal);
        return new StatusReport(AppStatus, units);
    }

    /// <inheritdoc />
    public void SetStatus(Status status, bool application)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.ThrowIfNotSettable(nameof(status));
        if (!application)
        {
            UnitStatus = status;
            unitStatusHistory.Add(status);
            return;
        }

        if (!Leader)
        {
            throw Fail("status-set", 1, "this unit is not the leader");
        }

        AppStatus = status;
        appStatusHistory.Add(status);
    }

    /// <inheritdoc />
    public void SetApplicationVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        WorkloadVersion = version;
    }

    /// <inheritdoc />
    public GoalState GetGoalState()
    {
        var units = appUnits.ToDictionary(u => u, _ => new GoalStateEntry("active", null), StringComparer.Ordinal);
        var byEndpoint = new Dictionary<string, IReadOnlyDictionary<string, GoalStateEntry>>(StringComparer.Ordinal);
        foreach (var group in relations.Values.GroupBy(r => r.Endpoint, StringComparer.Ordinal))
        {
            var members = new Dictionary<string, GoalStateEntry>(StringComparer.Ordinal);
            foreach (var relation in group)
            {
                members[relation.RemoteApp] = new GoalStateEntry("joined", null);
                foreach (var unit in relation.Members)
                {
                    members[unit] = new GoalStateEntry("active", null);
                }
            }

            byEndpoint[group.Key] = members;
        }

        return new GoalState(units, byEndpoint);
    }
}
