using System.Globalization;
using System.Text.Json;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>
/// A JSON request body read as Go's <c>encoding/json</c> does: unknown fields ignored, <c>null</c> as the zero value,
/// type mismatches and syntax errors reported with Go's wording.
/// </summary>
internal sealed class RequestBody
{
    private readonly JsonElement root;

    private RequestBody(JsonElement root) => this.root = root;

    /// <summary>Reads and parses the body; throws <see cref="FormatException"/> with Go's decode error.</summary>
    public static async Task<RequestBody> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            throw new FormatException("EOF");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return new RequestBody(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new FormatException(GoSyntaxError(bytes, e));
        }
    }

    public JsonElement Root => root;

    public string? String(string key) => Field(key, JsonValueKind.String, "string")?.GetString();

    public bool Bool(string key) => Field(key, JsonValueKind.True, "bool") is { } value && value.GetBoolean();

    public int? Int(string key) => Number(key, "int");

    public List<string> StringList(string key)
    {
        if (Field(key, JsonValueKind.Array, "[]string") is not { } array)
        {
            return [];
        }

        return array.EnumerateArray().Select(item => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString()!,
            JsonValueKind.Null => "",
            _ => throw Mismatch(item, $"{key}", "string"),
        }).ToList();
    }

    public Dictionary<string, string> StringMap(string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Field(key, JsonValueKind.Object, "map[string]string") is not { } obj)
        {
            return map;
        }

        foreach (var property in obj.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => throw Mismatch(property.Value, key, "string"),
            };
        }

        return map;
    }

    /// <summary>The elements of an array-of-objects field.</summary>
    public List<RequestBody> Objects(string key) =>
        Field(key, JsonValueKind.Array, "[]struct") is { } array
            ? array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? new RequestBody(item)
                : throw Mismatch(item, key, "struct")).ToList()
            : [];

    private int? Number(string key, string goType)
    {
        if (Field(key, JsonValueKind.Number, goType) is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number) ? number : throw Mismatch(value, key, goType);
    }

    private JsonElement? Field(string key, JsonValueKind kind, string goType)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Mismatch(root, "", "struct");
        }

        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw Mismatch(value, key, goType);
    }

    private static FormatException Mismatch(JsonElement value, string key, string goType)
    {
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.Array => "array",
            JsonValueKind.Object => "object",
            _ => "bool",
        };
        return new FormatException($"json: cannot unmarshal {kind} into Go struct field .{key} of type {goType}");
    }

    private static string GoSyntaxError(byte[] bytes, JsonException error)
    {
        var position = (int)Math.Min(error.BytePositionInLine ?? 0, int.MaxValue);
        var offset = (int)(error.LineNumber ?? 0) == 0 ? position : FindOffset(bytes, (int)(error.LineNumber ?? 0), position);
        if (offset >= bytes.Length)
        {
            return "unexpected EOF";
        }

        var c = (char)bytes[offset];
        return string.Create(CultureInfo.InvariantCulture, $"invalid character '{c}' looking for beginning of value");
    }

    private static int FindOffset(byte[] bytes, int line, int column)
    {
        var offset = 0;
        for (var seen = 0; seen < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == '\n')
            {
                seen++;
            }
        }

        return offset + column;
    }
}
