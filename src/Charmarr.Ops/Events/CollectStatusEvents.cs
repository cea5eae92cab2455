using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>
/// Emitted by the framework at the end of every dispatch so each component can say what status it wants. The
/// highest-priority status added wins (error &gt; blocked &gt; maintenance &gt; waiting &gt; active; ties: the first added)
/// and is set once. When no status is added, the status is left as it is. Cannot be deferred.
/// </summary>
public abstract class CollectStatusEvent : CharmEvent
{
    private readonly List<Status> statuses = [];

    private protected CollectStatusEvent()
    {
    }

    /// <summary>The statuses added so far, in order.</summary>
    public IReadOnlyList<Status> Statuses => statuses;

    internal override string DeferRefusal => $"{Name} cannot be deferred: it is evaluated at the end of every dispatch anyway";

    /// <summary>Adds a candidate status.</summary>
    /// <param name="status">An active, blocked, maintenance or waiting status.</param>
    /// <exception cref="ArgumentException">The status is not one a charm may set.</exception>
    public void AddStatus(Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.ThrowIfNotSettable(nameof(status));

        statuses.Add(status);
    }

    /// <summary>The status that wins: the highest priority, the first added among equals; <see langword="null"/> when none was added.</summary>
    /// <returns>The winning status, or <see langword="null"/>.</returns>
    public Status? Highest()
    {
        Status? best = null;
        foreach (var status in statuses)
        {
            if (best is null || status.Priority > best.Priority)
            {
                best = status;
            }
        }

        return best;
    }
}

/// <summary>Collects the unit's status (every dispatch).</summary>
public sealed class CollectUnitStatusEvent : CollectStatusEvent
{
    /// <inheritdoc />
    public override string Name => "collect-unit-status";
}

/// <summary>Collects the application's status (every dispatch on the leader).</summary>
public sealed class CollectAppStatusEvent : CollectStatusEvent
{
    /// <inheritdoc />
    public override string Name => "collect-app-status";
}
