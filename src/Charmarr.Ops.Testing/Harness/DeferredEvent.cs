using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing;

/// <summary>An event a handler deferred, waiting in stored state to be re-emitted before the next event.</summary>
/// <param name="Observer">The handler's key: its owner's path and name, e.g. <c>SampleCharm/OnDbChanged</c>.</param>
/// <param name="EventName">The event: the Juju hook name (<c>db-relation-changed</c>) or a custom event's kind.</param>
/// <param name="NoticeJson">The stored notice as the framework wrote it (its snapshot of the event).</param>
public sealed record DeferredEvent(string Observer, string EventName, string NoticeJson)
{
    /// <summary>The key under which the framework keeps the deferred-event queue in unit state.</summary>
    internal const string QueueKey = "#deferred#";

    /// <summary>Reads the queue out of the unit's state (oldest first).</summary>
    internal static IReadOnlyList<DeferredEvent> ReadQueue(IReadOnlyDictionary<string, string> unitState)
    {
        if (!unitState.TryGetValue(QueueKey, out var json) || string.IsNullOrEmpty(json))
        {
            return [];
        }

        var notices = JsonNode.Parse(json) as JsonArray ?? throw new JsonException($"the deferred-event queue ({QueueKey}) is not a JSON array");
        return notices.OfType<JsonObject>()
            .Select(n => new DeferredEvent(
                (string?)n["observer"] ?? "",
                (string?)n["juju"]?["eventName"] ?? (string?)n["customKind"] ?? "",
                n.ToJsonString()))
            .ToList();
    }
}
