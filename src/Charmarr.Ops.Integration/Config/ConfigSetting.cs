using System.Text.Json;
using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Config;

/// <summary>One option of <c>juju config &lt;app&gt; --format json</c>.</summary>
public sealed record ConfigSetting
{
    /// <summary>The option's type: <c>string</c>, <c>int</c>, <c>float</c>, <c>boolean</c>, <c>secret</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init => field = value ?? ""; } = "";

    /// <summary>Where the value comes from: <c>default</c>, <c>user</c> or <c>unset</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init => field = value ?? ""; } = "";

    /// <summary>The value in force; <see langword="null"/> when the option has none (unset, no default).</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>The default from the charm's config.</summary>
    [JsonPropertyName("default")]
    public JsonElement? Default { get; init; }

    /// <summary>The option's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
