using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>One application in <c>juju status</c>.</summary>
public sealed record ApplicationStatus
{
    /// <summary>The charm URL (<c>local:plex-k8s-0</c>, <c>ch:…</c> or the bare name).</summary>
    [JsonPropertyName("charm")]
    public string Charm { get; init => field = value ?? ""; } = "";

    /// <summary>The charm's name.</summary>
    [JsonPropertyName("charm-name")]
    public string CharmName { get; init => field = value ?? ""; } = "";

    /// <summary><c>local</c> or <c>charmhub</c>.</summary>
    [JsonPropertyName("charm-origin")]
    public string CharmOrigin { get; init => field = value ?? ""; } = "";

    /// <summary>The charm revision.</summary>
    [JsonPropertyName("charm-rev")]
    public int CharmRevision { get; init; }

    /// <summary>The channel, for Charmhub charms.</summary>
    [JsonPropertyName("charm-channel")]
    public string? CharmChannel { get; init; }

    /// <summary>The desired number of units (Kubernetes).</summary>
    [JsonPropertyName("scale")]
    public int Scale { get; init; }

    /// <summary>The application's service address (Kubernetes).</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>Whether it is exposed.</summary>
    [JsonPropertyName("exposed")]
    public bool Exposed { get; init; }

    /// <summary>The workload version the charm set.</summary>
    [JsonPropertyName("version")]
    public string? WorkloadVersion { get; init; }

    /// <summary>The application's status (set by the leader, or derived from the units').</summary>
    [JsonPropertyName("application-status")]
    public StatusInfo ApplicationStatusInfo { get; init => field = value ?? new(); } = new();

    /// <summary>Relations by local endpoint name.</summary>
    [JsonPropertyName("relations")]
    public IReadOnlyDictionary<string, IReadOnlyList<RelationStatus>> Relations { get; init => field = value ?? new Dictionary<string, IReadOnlyList<RelationStatus>>(); }
        = new Dictionary<string, IReadOnlyList<RelationStatus>>();

    /// <summary>Units by name (<c>plex/0</c>).</summary>
    [JsonPropertyName("units")]
    public IReadOnlyDictionary<string, UnitStatus> Units { get; init => field = value ?? new Dictionary<string, UnitStatus>(); }
        = new Dictionary<string, UnitStatus>();

    /// <summary>Whether the application status is <c>active</c>.</summary>
    [JsonIgnore]
    public bool IsActive => ApplicationStatusInfo.Current == "active";

    /// <summary>Whether the application status is <c>blocked</c>.</summary>
    [JsonIgnore]
    public bool IsBlocked => ApplicationStatusInfo.Current == "blocked";

    /// <summary>Whether the application status is <c>error</c>.</summary>
    [JsonIgnore]
    public bool IsError => ApplicationStatusInfo.Current == "error";

    /// <summary>The leader unit's name, when a unit is leader.</summary>
    [JsonIgnore]
    public string? Leader => Units.FirstOrDefault(u => u.Value.Leader).Key;
}
