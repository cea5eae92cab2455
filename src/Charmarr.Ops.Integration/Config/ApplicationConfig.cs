using System.Text.Json.Serialization;

namespace Charmarr.Ops.Integration.Config;

/// <summary>What <c>juju config &lt;app&gt; --format json</c> reports.</summary>
public sealed record ApplicationConfig
{
    /// <summary>The application.</summary>
    [JsonPropertyName("application")]
    public string Application { get; init => field = value ?? ""; } = "";

    /// <summary>The charm's name.</summary>
    [JsonPropertyName("charm")]
    public string Charm { get; init => field = value ?? ""; } = "";

    /// <summary>The charm's options by name.</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, ConfigSetting> Settings { get; init => field = value ?? new Dictionary<string, ConfigSetting>(); }
        = new Dictionary<string, ConfigSetting>();

    /// <summary>An option's value as text (<c>true</c>, <c>80</c>, <c>Etc/UTC</c>).</summary>
    /// <param name="name">The option.</param>
    /// <returns>The value, or <see langword="null"/> when it has none.</returns>
    /// <exception cref="KeyNotFoundException">The charm has no such option.</exception>
    public string? GetText(string name)
    {
        var setting = Settings.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"application {Application} has no config option '{name}'");
        return setting.Value is not { } value ? null
            : value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText();
    }
}
