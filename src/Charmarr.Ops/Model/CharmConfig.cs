using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Model;

/// <summary>
/// The charm's configuration, read once per dispatch with <c>config-get</c> and checked against the declared options.
/// Typed getters refuse options the metadata does not declare (a typo fails loudly) and values of the wrong type.
/// </summary>
public sealed class CharmConfig : IReadOnlyDictionary<string, JsonNode?>
{
    private readonly CharmModel model;
    private IReadOnlyDictionary<string, JsonNode?>? values;

    internal CharmConfig(CharmModel model)
    {
        this.model = model;
    }

    private IReadOnlyDictionary<string, JsonNode?> Values => values ??= model.Backend.GetConfig();

    /// <inheritdoc />
    public JsonNode? this[string key] => Values[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => Values.Keys;

    /// <inheritdoc />
    IEnumerable<JsonNode?> IReadOnlyDictionary<string, JsonNode?>.Values => Values.Values;

    /// <inheritdoc />
    public int Count => Values.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value) => Values.TryGetValue(key, out value);

    /// <summary>A <c>string</c> option.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value, or <see langword="null"/> when unset with no default.</returns>
    public string? GetString(string name) => Get(name, ConfigOptionType.String)?.GetValue<string>();

    /// <summary>An <c>int</c> option.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value, or <see langword="null"/> when unset with no default.</returns>
    public long? GetInt(string name) => Get(name, ConfigOptionType.Int)?.GetValue<long>();

    /// <summary>A <c>float</c> option.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value, or <see langword="null"/> when unset with no default.</returns>
    public double? GetFloat(string name) => Get(name, ConfigOptionType.Float)?.GetValue<double>();

    /// <summary>A <c>boolean</c> option.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value, or <see langword="null"/> when unset with no default.</returns>
    public bool? GetBool(string name) => Get(name, ConfigOptionType.Boolean)?.GetValue<bool>();

    /// <summary>A <c>secret</c> option: the secret's URI.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The URI, or <see langword="null"/> when unset.</returns>
    public string? GetSecretId(string name) => Get(name, ConfigOptionType.Secret)?.GetValue<string>();

    /// <summary>
    /// Binds the whole configuration to a record. Use a source-generated <see cref="JsonTypeInfo{T}"/> whose
    /// naming policy maps option names (e.g. <c>KebabCaseLower</c> for <c>log-level</c> → <c>LogLevel</c>).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="typeInfo">Its source-generated JSON metadata.</param>
    /// <returns>The bound record.</returns>
    /// <exception cref="InvalidConfigException">A value does not fit the record; the unit becomes blocked if this escapes a handler.</exception>
    public T Bind<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var obj = new JsonObject();
        foreach (var (key, value) in Values)
        {
            obj[key] = value?.DeepClone();
        }

        try
        {
            return obj.Deserialize(typeInfo) ?? throw new InvalidConfigException("the configuration is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException($"invalid config: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => Values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private JsonNode? Get(string name, ConfigOptionType expected)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!model.Metadata.Config.TryGetValue(name, out var option))
        {
            throw new KeyNotFoundException($"config option '{name}' is not declared in the charm's metadata (declared: {string.Join(", ", model.Metadata.Config.Keys)})");
        }

        if (option.Type != expected)
        {
            throw new InvalidOperationException(
                $"config option '{name}' is declared as {ConfigValues.TypeName(option.Type)}, not {ConfigValues.TypeName(expected)}");
        }

        if (!Values.TryGetValue(name, out var raw) || raw is null)
        {
            return null;
        }

        return ConfigValues.Coerce(option.Type, raw)
            ?? throw new InvalidConfigException($"config option '{name}' should be a {ConfigValues.TypeName(option.Type)} but is {raw.ToJsonString()}");
    }
}
