using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>The <c>model</c> section of <c>juju status</c>.</summary>
public sealed record ModelStatus
{
    /// <summary>The model's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary><c>caas</c> (Kubernetes) or <c>iaas</c> (machines).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init => field = value ?? ""; } = "";

    /// <summary>The controller's name.</summary>
    [JsonPropertyName("controller")]
    public string Controller { get; init => field = value ?? ""; } = "";

    /// <summary>The cloud.</summary>
    [JsonPropertyName("cloud")]
    public string Cloud { get; init => field = value ?? ""; } = "";

    /// <summary>The cloud region, when it has one.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The model's agent version (<c>3.6.4</c>, <c>4.0.1</c>).</summary>
    [JsonPropertyName("version")]
    public string Version { get; init => field = value ?? ""; } = "";

    /// <summary>The model's own status (<c>available</c>, <c>destroying</c>).</summary>
    [JsonPropertyName("model-status")]
    public StatusInfo? ModelStatusInfo { get; init; }

    /// <summary>The SLA (<c>unsupported</c>) on Juju 3.x; <see langword="null"/> on 4.x, which dropped SLAs.</summary>
    [JsonPropertyName("sla")]
    public string? Sla { get; init; }
}
