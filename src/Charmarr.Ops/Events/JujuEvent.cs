namespace Charmarr.Ops.Events;

/// <summary>An event Juju sends: a hook or an action. It carries the snapshot of Juju's context it was built from, so a deferred
/// event is rebuilt on the same code path as a fresh one.</summary>
public abstract class JujuEvent : CharmEvent
{
    private protected JujuEvent(JujuEventSnapshot snapshot)
    {
        Snapshot = snapshot;
    }

    /// <summary>The hook or action name, e.g. <c>db-relation-changed</c> or <c>claim-server</c>.</summary>
    public override string Name => Snapshot.EventName;

    internal JujuEventSnapshot Snapshot { get; }
}
