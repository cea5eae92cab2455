using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>One status value of <c>juju status</c>: an application's, a unit's workload or agent, a machine's.</summary>
public sealed record StatusInfo
{
    /// <summary>The status name: <c>active</c>, <c>blocked</c>, <c>waiting</c>, <c>maintenance</c>, <c>error</c>,
    /// <c>unknown</c>; for agents <c>idle</c>, <c>executing</c>, <c>allocating</c>, <c>lost</c>, <c>failed</c>.</summary>
    [JsonPropertyName("current")]
    public string Current { get; init => field = value ?? ""; } = "";

    /// <summary>The message; empty when none.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init => field = value ?? ""; } = "";

    /// <summary>When it was set, as Juju prints it (<c>24 Feb 2025 12:03:17+13:00</c>); <see langword="null"/> where
    /// Juju 4.x leaves it out (a unit's agent status).</summary>
    [JsonPropertyName("since")]
    public string? Since { get; init; }

    /// <summary>The agent version (agent statuses only); <see langword="null"/> when Juju prints none or
    /// <c>null</c> (a machine's on Juju 4.0).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Extra detail Juju gives with some statuses (<c>err</c> for a failed hook on 3.x).</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>"current: message", or just "current".</summary>
    /// <returns>The status as a person reads it.</returns>
    public override string ToString() => Message.Length == 0 ? Current : $"{Current}: {Message}";
}
