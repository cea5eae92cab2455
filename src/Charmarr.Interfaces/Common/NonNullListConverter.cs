using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// A JSON array as a read-only list whose elements may not be <c>null</c>, as pydantic's <c>list[X]</c> requires
/// (System.Text.Json's nullable-annotation checks do not reach collection elements).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class NonNullListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc />
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected a list of {typeof(T).Name}");
        }

        var element = ElementInfo(options);
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = JsonSerializer.Deserialize(ref reader, element);
            list.Add(item ?? throw new JsonException($"a list of {typeof(T).Name} may not contain null"));
        }

        return list.AsReadOnly();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var element = ElementInfo(options);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, element);
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> ElementInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
