using System.Text.Json.Nodes;
using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Testing;

/// <summary>Checks config values against the options the charm declares, as <c>juju config</c> does before anything reaches the charm.</summary>
internal static class ConfigValidator
{
    /// <summary>The problems with one value (empty when it is fine); a <see langword="null"/> value resets the option and is always fine.</summary>
    /// <remarks>A <c>secret</c> option takes a secret URI in the form Juju <paramref name="juju"/> gives (<see cref="ConfigValues.IsSecretUri"/>).</remarks>
    public static IEnumerable<string> Problems(CharmMetadata metadata, JujuVersion juju, string key, JsonNode? value)
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
            _ => JsonValues.IsString(value) && ConfigValues.IsSecretUri(value.GetValue<string>(), juju),
        };
        if (!fits)
        {
            var expected = option.Type != ConfigOptionType.Secret
                ? option.Type.ToString().ToLowerInvariant()
                : juju.HasOpaqueSecretIds
                    ? "secret (a secret URI: secret:<id> or secret://<model-uuid>/<id>)"
                    : "secret (a secret URI: secret:<20-character id> or secret://<model-uuid>/<20-character id>)";
            yield return $"config option \"{key}\" is of type {expected}, got {JsonValues.KindOf(value)} {value.ToJsonString()}";
        }
    }

    /// <summary>Converts and checks every value; throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public static IReadOnlyList<(string Key, JsonNode? Value)> Validate(CharmMetadata metadata, JujuVersion juju, IEnumerable<(string Key, object? Value)> values)
    {
        var converted = values.Select(kv => (kv.Key, Value: JsonValues.From(kv.Value, $"config option \"{kv.Key}\""))).ToList();
        var problems = converted.SelectMany(kv => Problems(metadata, juju, kv.Key, kv.Value)).ToList();
        return problems.Count == 0
            ? converted
            : throw new ArgumentException("invalid config: " + string.Join("; ", problems), nameof(values));
    }
}
