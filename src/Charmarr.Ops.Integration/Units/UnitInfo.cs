using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Units;

/// <summary>What <c>juju show-unit &lt;unit&gt; --format json</c> reports about one unit: its relations and their data.</summary>
public sealed record UnitInfo
{
    /// <summary>The charm URL.</summary>
    [JsonPropertyName("charm")]
    public string Charm { get; init => field = value ?? ""; } = "";

    /// <summary>Whether the unit is leader.</summary>
    [JsonPropertyName("leader")]
    public bool Leader { get; init; }

    /// <summary><c>alive</c>, <c>dying</c> or <c>dead</c>, when Juju says.</summary>
    [JsonPropertyName("life")]
    public string? Life { get; init; }

    /// <summary>The workload version the charm set.</summary>
    [JsonPropertyName("workload-version")]
    public string? WorkloadVersion { get; init; }

    /// <summary>The unit's address.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The provider id (the pod name on Kubernetes).</summary>
    [JsonPropertyName("provider-id")]
    public string? ProviderId { get; init; }

    /// <summary>The ports the charm opened.</summary>
    [JsonPropertyName("opened-ports")]
    public IReadOnlyList<string> OpenedPorts { get; init => field = value ?? []; } = [];

    /// <summary>Every relation the unit is in, with the data each side published.</summary>
    [JsonPropertyName("relation-info")]
    public IReadOnlyList<UnitRelationInfo> Relations { get; init => field = value ?? []; } = [];
}
