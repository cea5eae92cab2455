using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>One unit in <c>juju status</c>.</summary>
public sealed record UnitStatus
{
    /// <summary>The workload status the charm set.</summary>
    [JsonPropertyName("workload-status")]
    public StatusInfo WorkloadStatus { get; init => field = value ?? new(); } = new();

    /// <summary>The unit agent's status (<c>idle</c>, <c>executing</c>, …).</summary>
    [JsonPropertyName("juju-status")]
    public StatusInfo AgentStatus { get; init => field = value ?? new(); } = new();

    /// <summary>Whether the unit is its application's leader.</summary>
    [JsonPropertyName("leader")]
    public bool Leader { get; init; }

    /// <summary>The unit's address (the pod IP on Kubernetes).</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>The provider id (the pod name on Kubernetes, e.g. <c>plex-0</c>).</summary>
    [JsonPropertyName("provider-id")]
    public string? ProviderId { get; init; }

    /// <summary>The ports the charm opened (<c>32400/tcp</c>).</summary>
    [JsonPropertyName("open-ports")]
    public IReadOnlyList<string> OpenPorts { get; init => field = value ?? []; } = [];

    /// <summary>The machine, on machine models.</summary>
    [JsonPropertyName("machine")]
    public string? Machine { get; init; }

    /// <summary>Whether the workload status is <c>active</c>.</summary>
    [JsonIgnore]
    public bool IsActive => WorkloadStatus.Current == "active";

    /// <summary>Whether the workload status is <c>blocked</c>.</summary>
    [JsonIgnore]
    public bool IsBlocked => WorkloadStatus.Current == "blocked";

    /// <summary>Whether the workload status is <c>waiting</c>.</summary>
    [JsonIgnore]
    public bool IsWaiting => WorkloadStatus.Current == "waiting";

    /// <summary>Whether the unit is in error (a failed hook), by its workload or its agent.</summary>
    [JsonIgnore]
    public bool IsError => WorkloadStatus.Current == "error" || AgentStatus.Current is "error" or "failed";

    /// <summary>Whether the unit agent is idle (no hook or action running, none queued that Juju shows).</summary>
    [JsonIgnore]
    public bool IsIdle => AgentStatus.Current == "idle";
}
