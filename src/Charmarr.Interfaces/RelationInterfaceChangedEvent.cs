using System.Globalization;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces;

/// <summary>
/// Raised by a relation interface when its endpoint's relation changed or broke: read the interface again.
/// Observe it for one endpoint with <c>Observe&lt;RelationInterfaceChangedEvent&gt;("media-storage", handler)</c>.
/// It may be deferred.
/// </summary>
public sealed class RelationInterfaceChangedEvent : CustomEvent
{
    private const string Kind = "charmarr-interfaces.changed";

    /// <summary>Creates the event.</summary>
    /// <param name="endpoint">The endpoint whose relation changed.</param>
    /// <param name="relationId">The relation.</param>
    /// <param name="isBroken">Whether the relation is going away.</param>
    public RelationInterfaceChangedEvent(string endpoint, int relationId, bool isBroken)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        Endpoint = endpoint;
        RelationId = relationId;
        IsBroken = isBroken;
    }

    /// <summary>The endpoint whose relation changed.</summary>
    public string Endpoint { get; }

    /// <summary>The relation that changed or broke.</summary>
    public int RelationId { get; }

    /// <summary>Whether the relation is going away (relation-broken); it is no longer among the endpoint's relations.</summary>
    public bool IsBroken { get; }

    /// <inheritdoc />
    public override string Name => $"{Endpoint}-interface-changed";

    /// <summary>The endpoint, so observers can listen to one interface.</summary>
    public override string? Scope => Endpoint;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Snapshot() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["endpoint"] = Endpoint,
        ["relation-id"] = RelationId.ToString(CultureInfo.InvariantCulture),
        ["broken"] = IsBroken ? "true" : "false",
    };

    /// <summary>Lets the framework rebuild a deferred event in a later dispatch.</summary>
    internal static void Register(CharmFramework framework) => framework.RegisterEvent(Kind, Restore);

    private static RelationInterfaceChangedEvent Restore(IReadOnlyDictionary<string, string> fields) => new(
        fields["endpoint"],
        int.Parse(fields["relation-id"], CultureInfo.InvariantCulture),
        fields["broken"] == "true");
}
