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
    private readonly GoPayload payload;
    private readonly string structName;
    private readonly string path;

    private RequestBody(JsonElement root, GoPayload payload, string structName, string path)
    {
        this.root = root;
        this.payload = payload;
        this.structName = structName;
        this.path = path;
    }

    /// <summary>Reads and parses the body; throws <see cref="FormatException"/> with Go's decode error.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="payload">The Go type Pebble decodes it into (for type-mismatch messages).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body.</returns>
    public static async Task<RequestBody> ReadAsync(Stream body, GoPayload payload, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            throw new FormatException("EOF");
        }

        if (GoJsonSyntax.Error(bytes) is { } syntax)
        {
            throw new FormatException(syntax);
        }

        try
        {
            // Go's Decode reads the first value and ignores what follows it.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            using var document = JsonDocument.ParseValue(ref reader);
            var value = document.RootElement.Clone();
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                throw new FormatException($"json: cannot unmarshal {Kind(value)} into Go value of type {payload.GoType}");
            }

            return new RequestBody(value, payload, payload.StructName, "");
        }
        catch (JsonException e)
        {
            throw new FormatException("invalid JSON: " + e.Message);
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

    /// <summary>A <c>map[string]string</c> field.</summary>
    /// <param name="key">The field.</param>
    /// <param name="separately">True when Pebble decodes the field on its own (notice data, a <c>json.RawMessage</c>),
    /// so a bad value is reported against the map's element type rather than the struct field.</param>
    /// <returns>The map.</returns>
    public Dictionary<string, string> StringMap(string key, bool separately = false)
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
                _ when separately => throw new FormatException($"json: cannot unmarshal {Kind(property.Value)} into Go value of type string"),
                _ => throw Mismatch(property.Value, key, "string"),
            };
        }

        return map;
    }

    /// <summary>The elements of an array-of-objects field.</summary>
    /// <param name="key">The field.</param>
    /// <param name="itemType">The Go type of its elements, e.g. <c>daemon.makeDirsItem</c>.</param>
    /// <returns>The elements.</returns>
    public List<RequestBody> Objects(string key, string itemType)
    {
        var itemStruct = itemType[(itemType.LastIndexOf('.') + 1)..];
        return Field(key, JsonValueKind.Array, "[]" + itemType) is { } array
            ? array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? new RequestBody(item, payload, itemStruct, path + key + ".")
                : throw Mismatch(item, key, itemType)).ToList()
            : [];
    }

    /// <summary>Go's message for a field whose JSON has the wrong type.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="key">The field, below this object.</param>
    /// <param name="goType">The field's Go type.</param>
    /// <returns>The exception.</returns>
    public FormatException Mismatch(JsonElement value, string key, string goType) =>
        new($"json: cannot unmarshal {Kind(value)} into Go struct field {structName}.{path}{key} of type {goType}");

    /// <summary>Go's message for a nested struct's field whose JSON has the wrong type.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="owner">The Go struct that declares the field.</param>
    /// <param name="fieldPath">The field's path from the body's root, e.g. <c>identities.local.user-id</c>.</param>
    /// <param name="goType">The field's Go type.</param>
    /// <returns>The exception.</returns>
    public static FormatException Mismatch(JsonElement value, string owner, string fieldPath, string goType) =>
        new($"json: cannot unmarshal {Kind(value)} into Go struct field {owner}.{fieldPath} of type {goType}");

    /// <summary>How Go names a JSON value in a type error (numbers that do not fit name themselves).</summary>
    /// <param name="value">The value.</param>
    /// <param name="numberFits">False for a number that does not fit its Go type.</param>
    /// <returns>The name.</returns>
    public static string Kind(JsonElement value, bool numberFits = true) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => numberFits ? "number" : "number " + value.GetRawText(),
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "bool",
    };

    private int? Number(string key, string goType)
    {
        if (Field(key, JsonValueKind.Number, goType) is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number) ? number
            : throw new FormatException($"json: cannot unmarshal {Kind(value, numberFits: false)} into Go struct field {structName}.{path}{key} of type {goType}");
    }

    private JsonElement? Field(string key, JsonValueKind kind, string goType)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw Mismatch(value, key, goType);
    }
}

/// <summary>The Go type Pebble decodes a request body into, as its type errors name it.</summary>
/// <param name="GoType">The type as <c>json: cannot unmarshal X into Go value of type T</c> prints it.</param>
/// <param name="StructName">The struct's name in <c>Go struct field S.field</c> (empty for an anonymous struct).</param>
internal sealed record GoPayload(string GoType, string StructName)
{
    private static GoPayload Anonymous(string fields) => new("struct { " + fields + " }", "");

    private static string F(string name, string type, string tag) => $"{name} {type} \"json:\\\"{tag}\\\"\"";

    public static readonly GoPayload Layers = Anonymous(string.Join("; ", F("Action", "string", "action"), F("Combine", "bool", "combine"),
        F("Inner", "bool", "inner"), F("Label", "string", "label"), F("Format", "string", "format"), F("Layer", "string", "layer")));

    public static readonly GoPayload Services = Anonymous(string.Join("; ", F("Action", "string", "action"), F("Services", "[]string", "services")));

    public static readonly GoPayload Checks = Anonymous(string.Join("; ", F("Action", "string", "action"), F("Checks", "[]string", "checks")));

    public static readonly GoPayload RefreshCheck = Anonymous(F("Name", "string", "name"));

    public static readonly GoPayload Change = Anonymous(F("Action", "string", "action"));

    public static readonly GoPayload Notices = Anonymous(string.Join("; ", F("Action", "string", "action"), F("Type", "string", "type"),
        F("Key", "string", "key"), F("RepeatAfter", "string", "repeat-after"), F("DataJSON", "json.RawMessage", "data")));

    public static readonly GoPayload Identities = Anonymous(string.Join("; ", F("Action", "string", "action"),
        F("Identities", "map[string]*daemon.apiIdentity", "identities")));

    public static readonly GoPayload Files = Anonymous(string.Join("; ", F("Action", "string", "action"),
        F("Dirs", "[]daemon.makeDirsItem", "dirs"), F("Paths", "[]daemon.removePathsItem", "paths")));

    public static readonly GoPayload WriteFiles = Anonymous(string.Join("; ", F("Action", "string", "action"),
        F("Files", "[]daemon.writeFilesItem", "files")));

    public static readonly GoPayload Signals = new("daemon.signalsPayload", "signalsPayload");

    public static readonly GoPayload Exec = new("daemon.execPayload", "execPayload");
}
