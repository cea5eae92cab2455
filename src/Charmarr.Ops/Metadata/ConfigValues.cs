using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Metadata;

/// <summary>Juju's config typing: which JSON values fit which option type.</summary>
public static class ConfigValues
{
    /// <summary>The word charmcraft.yaml uses for a type.</summary>
    /// <param name="type">The type.</param>
    /// <returns><c>string</c>, <c>int</c>, <c>float</c>, <c>boolean</c> or <c>secret</c>.</returns>
    public static string TypeName(ConfigOptionType type) => type switch
    {
        ConfigOptionType.Int => "int",
        ConfigOptionType.Float => "float",
        ConfigOptionType.Boolean => "boolean",
        ConfigOptionType.Secret => "secret",
        _ => "string",
    };

    /// <summary>Returns the value as the option type wants it (an int is a valid float), or <see langword="null"/> when it does not fit.</summary>
    /// <param name="type">The option type.</param>
    /// <param name="value">The value.</param>
    /// <returns>The value in canonical form, or <see langword="null"/>.</returns>
    public static JsonNode? Coerce(ConfigOptionType type, JsonNode? value)
    {
        if (value is not JsonValue v)
        {
            return null;
        }

        var kind = v.GetValueKind();
        return type switch
        {
            ConfigOptionType.String or ConfigOptionType.Secret when kind == JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
            ConfigOptionType.Boolean when kind is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(kind == JsonValueKind.True),
            ConfigOptionType.Int when kind == JsonValueKind.Number && TryLong(v, out var l) => JsonValue.Create(l),
            ConfigOptionType.Float when kind == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
            _ => null,
        };
    }

    private static bool TryLong(JsonValue value, out long result)
    {
        if (value.TryGetValue(out result))
        {
            return true;
        }

        if (value.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
        {
            result = (long)d;
            return true;
        }

        return false;
    }
}
