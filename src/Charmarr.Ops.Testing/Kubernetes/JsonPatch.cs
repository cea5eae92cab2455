using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// RFC 6902 JSON patch (<c>application/json-patch+json</c>) as the API server applies it: <c>add</c>, <c>remove</c>,
/// <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c> on RFC 6901 pointers (<c>~1</c> for <c>/</c>, <c>~0</c> for
/// <c>~</c>; <c>-</c> appends to a list). All or nothing: when one operation fails (a <c>test</c> that does not
/// hold, a path that is not there) nothing is applied and the API server answers 422.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a document; neither is modified.</summary>
    /// <param name="document">The document.</param>
    /// <param name="operations">The operations, in order.</param>
    /// <returns>The patched document.</returns>
    /// <exception cref="PatchException">An operation is malformed (400) or does not apply (422).</exception>
    public static JsonNode? Apply(JsonNode? document, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var result = document?.DeepClone();
        foreach (var operation in operations)
        {
            result = ApplyOne(result, operation as JsonObject ?? throw PatchException.BadRequest($"a JSON patch operation must be an object: {operation?.ToJsonString()}"));
        }

        return result;
    }

    /// <summary>Applies operations given as JSON text.</summary>
    /// <param name="document">The document.</param>
    /// <param name="operations">The operations, a JSON array.</param>
    /// <returns>The patched document.</returns>
    /// <exception cref="PatchException">The text is not a JSON array (400), or an operation fails.</exception>
    public static JsonNode? Apply(JsonNode? document, string operations)
    {
        try
        {
            return Apply(document, JsonNode.Parse(operations) as JsonArray ?? throw PatchException.BadRequest("a JSON patch must be a JSON array"));
        }
        catch (JsonException e)
        {
            throw PatchException.BadRequest($"the patch is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject operation)
    {
        var op = Text(operation, "op");
        var path = Text(operation, "path");
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation, op));
            case "remove":
                return Remove(document, path, out _);
            case "replace" when path.Length == 0:
                return Value(operation, op);
            case "replace":
                var replaced = Locate(document, path);
                if (replaced.Parent is JsonArray)
                {
                    // An element must exist; a missing object member is simply added (as the API server's json-patch does).
                    replaced.Get(op);
                    document = Remove(document, path, out _);
                }

                return Add(document, path, Value(operation, op));
            case "move":
                var from = Text(operation, "from");
                if (path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw new PatchException($"move operation cannot move {from} into its own child {path}");
                }

                document = Remove(document, from, out var moved);
                return Add(document, path, moved);
            case "copy":
                return Add(document, path, Locate(document, Text(operation, "from")).Get(op)?.DeepClone());
            case "test":
                Test(document, path, operation["value"]);
                return document;
            default:
                throw PatchException.BadRequest($"unexpected kind of JSON patch operation: {op}");
        }
    }

    private static JsonNode? Add(JsonNode? document, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var target = Locate(document, path);
        switch (target.Parent)
        {
            case JsonObject map:
                map[target.Name] = value;
                break;
            case JsonArray list when target.Name == "-":
                list.Add(value);
                break;
            case JsonArray list:
                list.Insert(target.Index(list.Count, list.Count + 1, "add"), value);
                break;
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string path, out JsonNode? removed)
    {
        if (path.Length == 0)
        {
            throw new PatchException("remove operation cannot remove the whole document");
        }

        var target = Locate(document, path);
        removed = target.Get("remove");
        switch (target.Parent)
        {
            case JsonObject map:
                map.Remove(target.Name);
                break;
            case JsonArray list:
                list.RemoveAt(target.Index(list.Count - 1, list.Count, "remove"));
                break;
        }

        return document;
    }

    private static void Test(JsonNode? document, string path, JsonNode? expected)
    {
        var actual = path.Length == 0 ? document : Locate(document, path) is { Parent: JsonArray } element ? element.Get("test") : Locate(document, path).Find();
        if (!JsonNode.DeepEquals(actual, expected))
        {
            throw new PatchException($"testing value {path} failed: test failed");
        }
    }

    private static Target Locate(JsonNode? document, string path)
    {
        if (!JsonPointer.TryParse(path, out var segments) || segments.Count == 0)
        {
            throw PatchException.BadRequest($"invalid JSON pointer: \"{path}\"");
        }

        var parent = document;
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            parent = new Target(parent, segment, path).Find() ?? throw new PatchException($"doc is missing path: \"{path}\"");
        }

        return parent is JsonObject or JsonArray ? new Target(parent, segments[^1], path) : throw new PatchException($"doc is missing path: \"{path}\"");
    }

    private static string Text(JsonObject operation, string member) =>
        operation[member] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw PatchException.BadRequest($"JSON patch operation {operation.ToJsonString()} has no \"{member}\" string");

    private static JsonNode? Value(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw PatchException.BadRequest($"{op} operation {operation.ToJsonString()} has no value");

    /// <summary>The last step of a path: the container it is in and the member name or index it names there.</summary>
    /// <remarks>Indexes are read as the API server's json-patch reads them: a leading sign or zeros are allowed, and a negative index counts from the end.</remarks>
    private readonly record struct Target(JsonNode? Parent, string Name, string Path)
    {
        /// <summary>The value there, or <see langword="null"/> when there is none.</summary>
        public JsonNode? Find() => Parent switch
        {
            JsonObject map => map[Name],
            JsonArray list when TryIndex(list.Count - 1, list.Count, out var i) => list[i],
            _ => null,
        };

        /// <summary>The value there, which must exist.</summary>
        public JsonNode? Get(string op) => Parent switch
        {
            JsonObject map when map.TryGetPropertyValue(Name, out var value) => value,
            JsonArray list when TryIndex(list.Count - 1, list.Count, out var i) => list[i],
            _ => throw new PatchException($"{op} operation does not apply: doc is missing path: \"{Path}\""),
        };

        /// <summary>The index named, which must be at most <paramref name="max"/>; a negative one counts back from <paramref name="count"/>.</summary>
        public int Index(int max, int count, string op) =>
            TryIndex(max, count, out var i) ? i : throw new PatchException($"{op} operation does not apply: index out of range: \"{Path}\"");

        private bool TryIndex(int max, int count, out int index)
        {
            if (!int.TryParse(Name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index))
            {
                return false;
            }

            if (index < 0)
            {
                index += count;
            }

            return index >= 0 && index <= max;
        }
    }
}
