namespace Charmarr.Ops.Events;

/// <summary>
/// Something a charm reacts to: a Juju hook, an action, a framework lifecycle point, or a component's custom event.
/// A handler that cannot act yet may <see cref="Defer"/> the event: it is stored and handed to the same handler again,
/// before the next event, in the next dispatch.
/// </summary>
public abstract class CharmEvent
{
    private protected CharmEvent()
    {
    }

    /// <summary>A name for logs, e.g. <c>db-relation-changed</c>, <c>install</c>, <c>claim-server</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the handler now running has deferred this event.</summary>
    public bool IsDeferred { get; private set; }

    /// <summary>Whether this event was stored by an earlier dispatch and is being handed over again.</summary>
    public bool IsReemitted { get; internal set; }

    /// <summary>The endpoint, container, storage or action name the event concerns, used by name-scoped observers; <see langword="null"/> when none.</summary>
    public virtual string? Scope => null;

    /// <summary>Whether a reconciling charm should run its reconcile loop on this event (see <c>ObserveReconcile</c>).</summary>
    public virtual bool IsReconcilable => false;

    /// <summary>Why the event cannot be deferred, or <see langword="null"/> when it can.</summary>
    internal virtual string? DeferRefusal => null;

    /// <summary>
    /// Asks for this event to be handed to the current handler again at the start of the next dispatch. The handler
    /// should return after calling this. Deferral is a last resort: prefer a reconciler that re-derives state on every event.
    /// </summary>
    /// <exception cref="EventDeferralException">Juju will not re-send events of this kind, or the event cannot be stored.</exception>
    public void Defer()
    {
        if (DeferRefusal is { } reason)
        {
            throw new EventDeferralException(reason);
        }

        IsDeferred = true;
    }

    internal void ResetDeferral() => IsDeferred = false;

    /// <inheritdoc />
    public override string ToString() => Name;
}
