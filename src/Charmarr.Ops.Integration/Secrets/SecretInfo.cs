using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Secrets;

/// <summary>One secret in <c>juju secrets --format json</c> (metadata only; never the content).</summary>
public sealed record SecretInfo
{
    /// <summary>The secret's id: a 20-character xid on Juju 3.6, an opaque string on 4.x.</summary>
    [JsonIgnore]
    public string Id { get; init; } = "";

    /// <summary>The latest revision.</summary>
    [JsonPropertyName("revision")]
    public int Revision { get; init; }

    /// <summary>The owner: <c>&lt;model&gt;</c> for user secrets, or an application or unit.</summary>
    [JsonPropertyName("owner")]
    public string Owner { get; init => field = value ?? ""; } = "";

    /// <summary>The name given to a user secret.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The label a charm gave it.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>When it was created, as Juju prints it.</summary>
    [JsonPropertyName("created")]
    public string? Created { get; init; }

    /// <summary>When it was last updated, as Juju prints it.</summary>
    [JsonPropertyName("updated")]
    public string? Updated { get; init; }
}
