using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.HookTools;

/// <summary>
/// Parses JSON from outside the process (hook tools, the Kubernetes API) into nodes, checking everything at once that
/// <see cref="JsonNode"/> would otherwise check lazily, wherever a node is first read: a key repeated in an object,
/// a string whose escapes are not valid UTF-16 (a lone surrogate), and nesting deeper than <see cref="MaxDepth"/>.
/// </summary>
internal static class StrictJson
{
    /// <summary>The deepest nesting read.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Parses and fully decodes the text.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The root; <see langword="null"/> for JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not JSON, or is nested too deep.</exception>
    /// <exception cref="ArgumentException">An object repeats a key.</exception>
    /// <exception cref="InvalidOperationException">A key or string does not decode to valid UTF-16.</exception>
    public static JsonNode? Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: Options);
        Materialize(root);
        return root;
    }

    // Depth is bounded by MaxDepth, so the recursion is too.
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
