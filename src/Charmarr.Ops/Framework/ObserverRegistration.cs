using Charmarr.Ops.Events;

namespace Charmarr.Ops.Framework;

/// <summary>One handler registered for events of a type, optionally only for one endpoint, container, storage or action.</summary>
/// <param name="Key">Stable handler identity across dispatches: owner path and handler name.</param>
/// <param name="EventType">The event type observed (subclasses match too).</param>
/// <param name="Scope">The name the event must concern, or <see langword="null"/> for any.</param>
/// <param name="Handler">The handler.</param>
/// <param name="Filter">An extra condition on the event, if any.</param>
internal sealed record ObserverRegistration(string Key, Type EventType, string? Scope, Func<CharmEvent, Task> Handler, Func<CharmEvent, bool>? Filter = null)
{
    public bool Matches(CharmEvent e) =>
        EventType.IsInstanceOfType(e)
        && (Scope is null || string.Equals(Scope, e.Scope, StringComparison.Ordinal))
        && (Filter is null || Filter(e));
}
