using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// Charmarr's wire format: the JSON pydantic's <c>model_dump_json()</c> writes (compact, fields in declaration order,
/// nulls and defaults included, enums as strings, only <c>"</c>, <c>\</c> and control characters escaped) and the JSON
/// <c>model_validate_json()</c> accepts (unknown fields ignored, defaults for missing optional fields).
/// </summary>
internal static class WireJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serialises a record to the exact text the Python charms write.</summary>
    /// <typeparam name="T">A record registered in <see cref="InterfacesJsonContext"/>.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>Compact JSON.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>
    /// Reads remote data as an interface does: the JSON shape, then every field against what it is used for
    /// (<see cref="WireValidation"/>); never throws for bad input.
    /// </summary>
    /// <typeparam name="T">A record registered in <see cref="InterfacesJsonContext"/>.</typeparam>
    /// <param name="json">The text.</param>
    /// <param name="value">The record, when the text is valid.</param>
    /// <param name="problem">Why the text is not valid, when it is not: <c>'config' is not valid T: …</c> for the JSON
    /// shape, <c>field 'value' is not …</c> for a field's value.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryDeserialize<T>(string json, out T? value, out string? problem)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(json, TypeInfo<T>());
            problem = value is null ? $"'{RelationInterface.ConfigKey}' is not valid {typeof(T).Name}: the value is null, not an object" : WireValidation.Problem(value);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: a record refused a value out of range (pydantic's ge/le constraints).
            value = null;
            problem = $"'{RelationInterface.ConfigKey}' is not valid {typeof(T).Name}: {Shorten(e.Message, typeof(T))}";
        }

        if (problem is not null)
        {
            value = null;
        }

        return value is not null;
    }

    // System.Text.Json's messages name types in full and end with the reader's position; a status needs neither.
    private static string Shorten(string message, Type type)
    {
        var cut = message.IndexOf(" | LineNumber:", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] + "." : message;
        return type.FullName is { } fullName ? text.Replace(fullName, type.Name, StringComparison.Ordinal) : text;
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(InterfacesJsonContext.Default.Options) { Encoder = PydanticJsonEncoder.Instance };
        options.MakeReadOnly();
        return options;
    }
}
