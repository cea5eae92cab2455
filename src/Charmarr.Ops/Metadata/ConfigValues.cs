using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.Context;

namespace Charmarr.Ops.Metadata;

/// <summary>Juju's config typing: which JSON values fit which option type.</summary>
public static partial class ConfigValues
{
    /// <summary>
    /// Whether <paramref name="value"/> is a secret URI Juju <paramref name="juju"/> accepts for a <c>secret</c>
    /// option: <c>secret:&lt;id&gt;</c> or <c>secret://&lt;model-uuid&gt;/&lt;id&gt;</c>. On Juju 3.x the id is a
    /// 20-character xid (<c>secret:d0hcvo7mp25c7793ikkg</c>); from Juju 4.0 it is an opaque string (one path segment:
    /// no <c>/</c>, <c>?</c>, <c>#</c> or white space), and the 3.x form is still one.
    /// </summary>
    /// <param name="value">The configured value.</param>
    /// <param name="juju">The running Juju's version.</param>
    /// <returns>Whether the value names a secret.</returns>
    public static bool IsSecretUri(string value, JujuVersion juju)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(juju);
        return juju.HasOpaqueSecretIds ? OpaqueSecretUri().IsMatch(value) : XidSecretUri().IsMatch(value);
    }

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
            ConfigOptionType.Float when kind == JsonValueKind.Number && TryDouble(v, out var d) => JsonValue.Create(d),
            _ => null,
        };
    }

    // A JsonValue may wrap any numeric CLR type (parsed JSON, or int/long/double built in memory), and GetValue<T>
    // converts only between some of them; the JSON text of the number is the one form they all share.
    private static bool TryLong(JsonValue value, out long result)
    {
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }

        if (TryDouble(value, out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
        {
            result = (long)d;
            return true;
        }

        return false;
    }

    private static bool TryDouble(JsonValue value, out double result) =>
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);

    [GeneratedRegex("^secret:(//[0-9a-f-]+/)?[0-9a-z]{20}$")]
    private static partial Regex XidSecretUri();

    [GeneratedRegex(@"^secret:(//[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?[^/?#\s]+$")]
    private static partial Regex OpaqueSecretUri();
}
