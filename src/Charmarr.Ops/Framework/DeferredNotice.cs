using System.Text.Json.Serialization;
using Charmarr.Ops.Events;

namespace Charmarr.Ops.Framework;

/// <summary>One deferred (event, handler) pair: which handler to call again, and how to rebuild the event.</summary>
/// <param name="Observer">The handler's key: the owner's path and the handler's name, e.g. <c>PlexCharm/OnDbChanged</c>.</param>
/// <param name="Juju">The Juju event's snapshot, for Juju events.</param>
/// <param name="CustomKind">The registered kind, for custom events.</param>
/// <param name="CustomFields">The custom event's snapshot, for custom events.</param>
internal sealed record DeferredNotice(
    string Observer,
    JujuEventSnapshot? Juju,
    string? CustomKind,
    SortedDictionary<string, string>? CustomFields)
{
    /// <summary>A canonical text of the notice, equal for equal notices (used to skip duplicates).</summary>
    [JsonIgnore]
    public string Identity => System.Text.Json.JsonSerializer.Serialize(this, FrameworkJson.Default.DeferredNotice);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<DeferredNotice>))]
[JsonSerializable(typeof(string))]
internal sealed partial class FrameworkJson : JsonSerializerContext;
