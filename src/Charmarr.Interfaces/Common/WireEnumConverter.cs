using System.Text.Json;
using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// Reads and writes an enum as the exact string the Python <c>str</c> enum uses, case-sensitively, as pydantic does:
/// any other string, a number or <c>null</c> is invalid (System.Text.Json's own enum converter would accept other casings).
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal abstract class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> wireByValue = [];
    private readonly Dictionary<string, TEnum> valueByWire = new(StringComparer.Ordinal);

    /// <summary>Builds the table from each member's C# name.</summary>
    /// <param name="wireNameOf">Turns a member's C# name into its wire string.</param>
    private protected WireEnumConverter(Func<string, string> wireNameOf)
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var wire = wireNameOf(Enum.GetName(value)!);
            wireByValue[value] = wire;
            valueByWire[wire] = value;
        }
    }

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && valueByWire.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"{typeof(TEnum).Name} must be one of {string.Join(", ", valueByWire.Keys.Select(k => $"\"{k}\""))}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(wireByValue.TryGetValue(value, out var wire)
            ? wire
            : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}"));
    }
}

/// <summary>Wire string = the member's name in lower case (<c>Radarr</c> → <c>radarr</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class LowerCaseEnumConverter<TEnum>() : WireEnumConverter<TEnum>(name => name.ToLowerInvariant())
    where TEnum : struct, Enum;

/// <summary>Wire string = the member's name in upper case (<c>Get</c> → <c>GET</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class UpperCaseEnumConverter<TEnum>() : WireEnumConverter<TEnum>(name => name.ToUpperInvariant())
    where TEnum : struct, Enum;

/// <summary>Wire string = the member's name as written (<c>PathPrefix</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class NameEnumConverter<TEnum>() : WireEnumConverter<TEnum>(name => name)
    where TEnum : struct, Enum;

/// <summary><see cref="ContentVariant"/> on the wire: lower-case names, except <see cref="ContentVariant.Uhd"/>, which is <c>4k</c>.</summary>
internal sealed class ContentVariantConverter() : WireEnumConverter<ContentVariant>(
    name => name == nameof(ContentVariant.Uhd) ? "4k" : name.ToLowerInvariant());
