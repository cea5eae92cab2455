using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>An event about one relation: <c>&lt;endpoint&gt;-relation-*</c>.</summary>
public abstract class RelationEvent : JujuEvent
{
    private protected RelationEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot)
    {
        Relation = relation;
        App = snapshot.RemoteApp is { } app ? new Application(app) : relation.RemoteApp;
        Unit = snapshot.RemoteUnit is { } unit ? new Unit(unit) : null;
    }

    /// <summary>The relation.</summary>
    public Relation Relation { get; }

    /// <summary>The remote application, when known.</summary>
    public Application? App { get; }

    /// <summary>The remote unit the event is about; <see langword="null"/> for created and broken, and for app-data changes.</summary>
    public Unit? Unit { get; }

    /// <summary>The endpoint name.</summary>
    public override string? Scope => Relation.Name;

    /// <inheritdoc />
    public override bool IsReconcilable => true;
}

/// <summary><c>&lt;endpoint&gt;-relation-created</c>: a relation was established; no remote unit has joined yet.</summary>
public sealed class RelationCreatedEvent : RelationEvent
{
    internal RelationCreatedEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot, relation)
    {
    }
}

/// <summary><c>&lt;endpoint&gt;-relation-joined</c>: a remote unit joined.</summary>
public sealed class RelationJoinedEvent : RelationEvent
{
    internal RelationJoinedEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot, relation)
    {
    }
}

/// <summary><c>&lt;endpoint&gt;-relation-changed</c>: a remote unit's or application's databag changed.</summary>
public sealed class RelationChangedEvent : RelationEvent
{
    internal RelationChangedEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot, relation)
    {
    }
}

/// <summary><c>&lt;endpoint&gt;-relation-departed</c>: a unit left the relation.</summary>
public sealed class RelationDepartedEvent : RelationEvent
{
    internal RelationDepartedEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot, relation)
    {
        DepartingUnit = snapshot.DepartingUnit is { } unit ? new Unit(unit) : null;
    }

    /// <summary>The unit leaving; may be this unit.</summary>
    public Unit? DepartingUnit { get; }
}

/// <summary><c>&lt;endpoint&gt;-relation-broken</c>: the relation is going away; it is left out of <see cref="CharmModel.Relations"/>.</summary>
public sealed class RelationBrokenEvent : RelationEvent
{
    internal RelationBrokenEvent(JujuEventSnapshot snapshot, Relation relation)
        : base(snapshot, relation)
    {
    }
}
