using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Units;

/// <summary>One relation in <c>juju show-unit</c>: the application bag of the other side and each unit's bag.</summary>
public sealed record UnitRelationInfo
{
    /// <summary>The relation id.</summary>
    [JsonPropertyName("relation-id")]
    public int RelationId { get; init; }

    /// <summary>The local endpoint.</summary>
    [JsonPropertyName("endpoint")]
    public string Endpoint { get; init => field = value ?? ""; } = "";

    /// <summary>The remote endpoint.</summary>
    [JsonPropertyName("related-endpoint")]
    public string RelatedEndpoint { get; init => field = value ?? ""; } = "";

    /// <summary>Whether the other side is in another model.</summary>
    [JsonPropertyName("cross-model")]
    public bool CrossModel { get; init; }

    /// <summary>The remote application's bag.</summary>
    [JsonPropertyName("application-data")]
    public IReadOnlyDictionary<string, string> ApplicationData { get; init => field = value ?? new Dictionary<string, string>(); }
        = new Dictionary<string, string>();

    /// <summary>This unit's own bag.</summary>
    [JsonPropertyName("local-unit")]
    public UnitRelationData? LocalUnit { get; init; }

    /// <summary>The remote units' bags, by unit name.</summary>
    [JsonPropertyName("related-units")]
    public IReadOnlyDictionary<string, UnitRelationData> RelatedUnits { get; init => field = value ?? new Dictionary<string, UnitRelationData>(); }
        = new Dictionary<string, UnitRelationData>();
}
