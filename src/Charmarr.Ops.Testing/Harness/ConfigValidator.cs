using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>Checks config values against the options the charm declares, as <c>juju config</c> does before anything reaches the charm.</summary>
internal static partial class ConfigValidator
{
    /// <summary>The problems with one value (empty when it is fine); a <see langword="null"/> value resets the option and is always fine.</summary>
    public static IEnumerable<string> Problems(CharmMetadata metadata, string key, JsonNode? value)
    {
        if (!metadata.Config.TryGetValue(key, out var option))
        {
            var declared = metadata.Config.Count == 0 ? "none" : string.Join(", ", metadata.Config.Keys.Order(StringComparer.Ordinal));
            yield return $"unknown config option \"{key}\" (charmcraft.yaml declares: {declared})";
            yield break;
        }

        if (value is null)
        {
            yield break;
        }

        var fits = option.Type switch
        {
            ConfigOptionType.String => JsonValues.IsString(value),
            ConfigOptionType.Int => JsonValues.IsInteger(value),
            ConfigOptionType.Float => JsonValues.IsNumber(value),
            ConfigOptionType.Boolean => JsonValues.IsBoolean(value),
            _ => JsonValues.IsString(value) && SecretUri().IsMatch(value.GetValue<string>()),
        };
        if (!fits)
        {
            var expected = option.Type == ConfigOptionType.Secret ? "secret (a secret URI such as secret:<id>)" : option.Type.ToString().ToLowerInvariant();
            yield return $"config option \"{key}\" is of type {expected}, got {JsonValues.KindOf(value)} {value.ToJsonString()}";
        }
    }

    /// <summary>Converts and checks every value; throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public static IReadOnlyList<(string Key, JsonNode? Value)> Validate(CharmMetadata metadata, IEnumerable<(string Key, object? Value)> values)
    {
        var converted = values.Select(kv => (kv.Key, Value: JsonValues.From(kv.Value, $"config option \"{kv.Key}\""))).ToList();
        var problems = converted.SelectMany(kv => Problems(metadata, kv.Key, kv.Value)).ToList();
        return problems.Count == 0
            ? converted
            : throw new ArgumentException("invalid config: " + string.Join("; ", problems), nameof(values));
    }

    [GeneratedRegex("^secret:(//[0-9a-f-]+/)?[0-9a-z]{20}$")]
    private static partial Regex SecretUri();
}
