namespace Charmarr.Ops.Events;

/// <summary>
/// An event a component raises for the charm, e.g. a relation interface's "data changed". Emitted synchronously to its
/// observers. To make it deferrable, override <see cref="Snapshot"/> and register a restore function with
/// <c>CharmFramework.RegisterEvent</c>, so the event can be rebuilt in a later dispatch.
/// </summary>
public abstract class CustomEvent : CharmEvent
{
    /// <summary>Creates the event.</summary>
    protected CustomEvent()
    {
    }

    /// <summary>The event type's name.</summary>
    public override string Name => GetType().Name;

    /// <summary>Custom events report that something changed, so reconcilers run on them by default.</summary>
    public override bool IsReconcilable => true;

    internal string? RegisteredKind { get; set; }

    internal override string? DeferRefusal => RegisteredKind is null
        ? $"custom event {Name} cannot be deferred: register it with CharmFramework.RegisterEvent so a later dispatch can rebuild it"
        : null;

    /// <summary>The values to store when the event is deferred; the registered restore function gets them back.</summary>
    /// <returns>String keys and values.</returns>
    public virtual IReadOnlyDictionary<string, string> Snapshot() => new Dictionary<string, string>(StringComparer.Ordinal);
}
