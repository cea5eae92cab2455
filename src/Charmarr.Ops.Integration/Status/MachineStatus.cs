using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>One machine in <c>juju status</c> (machine models; Kubernetes models have none).</summary>
public sealed record MachineStatus
{
    /// <summary>The machine agent's status; its <see cref="StatusInfo.Version"/> is <see langword="null"/> on Juju 4.0.</summary>
    [JsonPropertyName("juju-status")]
    public StatusInfo AgentStatus { get; init => field = value ?? new(); } = new();

    /// <summary>The machine's own status (<c>running</c>, <c>pending</c>).</summary>
    [JsonPropertyName("machine-status")]
    public StatusInfo MachineStatusInfo { get; init => field = value ?? new(); } = new();

    /// <summary>The machine's DNS name or address.</summary>
    [JsonPropertyName("dns-name")]
    public string? DnsName { get; init; }

    /// <summary>The cloud's instance id.</summary>
    [JsonPropertyName("instance-id")]
    public string? InstanceId { get; init; }
}
