using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Status;

/// <summary>One relation of an application's endpoint in <c>juju status</c>.</summary>
public sealed record RelationStatus
{
    /// <summary>The application at the other end.</summary>
    [JsonPropertyName("related-application")]
    public string RelatedApplication { get; init => field = value ?? ""; } = "";

    /// <summary>The interface name.</summary>
    [JsonPropertyName("interface")]
    public string Interface { get; init => field = value ?? ""; } = "";

    /// <summary><c>global</c> or <c>container</c>.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init => field = value ?? ""; } = "";
}
