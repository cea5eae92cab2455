using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Units;

/// <summary>One unit's side of a relation in <c>juju show-unit</c>.</summary>
public sealed record UnitRelationData
{
    /// <summary>Whether the unit has joined the relation.</summary>
    [JsonPropertyName("in-scope")]
    public bool InScope { get; init; }

    /// <summary>The unit's bag (<c>ingress-address</c>, <c>egress-subnets</c>, and on Juju 3.x <c>private-address</c>).</summary>
    [JsonPropertyName("data")]
    public IReadOnlyDictionary<string, string> Data { get; init => field = value ?? new Dictionary<string, string>(); }
        = new Dictionary<string, string>();
}
