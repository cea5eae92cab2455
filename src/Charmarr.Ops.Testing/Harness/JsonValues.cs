using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing;

/// <summary>Turns the plain values tests write (strings, numbers, booleans, lists, dictionaries) into JSON, as Juju holds them.</summary>
internal static class JsonValues
{
    /// <summary>The JSON for <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is of a type JSON cannot hold.</exception>
    public static JsonNode? From(object? value, string what) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create((long)i),
        long l => JsonValue.Create(l),
        short s => JsonValue.Create((long)s),
        byte b => JsonValue.Create((long)b),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create((double)f),
        decimal m => JsonValue.Create(m),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, From(kv.Value, $"{what}.{kv.Key}")))),
        IDictionary<string, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, From(kv.Value, $"{what}.{kv.Key}")))),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select((item, i) => From(item, string.Create(CultureInfo.InvariantCulture, $"{what}[{i}]"))).ToArray()),
        _ => throw new ArgumentException($"{what}: a {value.GetType().Name} cannot be given to Juju; use a string, number, boolean, list or dictionary", nameof(value)),
    };

    /// <summary>The JSON kind of a node, for messages: string, integer, number, boolean, array, object or null.</summary>
    public static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "array",
        JsonObject => "object",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValue v when IsInteger(v) => "integer",
        _ => "number",
    };

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsBoolean(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsInteger(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && (v.TryGetValue<long>(out _) || (v.TryGetValue<double>(out var d) && Math.Abs(d % 1) < double.Epsilon && Math.Abs(d) < 9.2e18));
}
