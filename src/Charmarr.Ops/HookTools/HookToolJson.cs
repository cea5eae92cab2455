using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.HookTools;

/// <summary>JSON in and out of hook tools, AOT-safe (no reflection).</summary>
internal static class HookToolJson
{
    /// <summary>
    /// Writes a compact JSON object of strings for <c>--file -</c>. Juju reads it as YAML, so besides JSON's own
    /// escapes this escapes every character YAML would not keep verbatim inside a double-quoted scalar (C0/C1 controls,
    /// DEL, NEL, the Unicode line and paragraph separators, U+FFFE/U+FFFF). Other text, astral characters included,
    /// is written as raw UTF-8: YAML rejects the surrogate-pair escapes a stock JSON encoder would emit for them.
    /// </summary>
    /// <param name="values">The keys and values, written in enumeration order.</param>
    /// <returns>The JSON text.</returns>
    public static string WriteStringMap(IEnumerable<KeyValuePair<string, string>> values)
    {
        var builder = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in values)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            AppendString(builder, key);
            builder.Append(':');
            AppendString(builder, value);
        }

        return builder.Append('}').ToString();
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Parses a tool's JSON output.</summary>
    /// <param name="tool">The tool, for the error message.</param>
    /// <param name="stdout">Its output.</param>
    /// <returns>The root node; <see langword="null"/> for JSON <c>null</c>.</returns>
    /// <exception cref="Backend.JujuModelException">The output is not JSON, repeats a key in an object, holds a string
    /// that is not valid Unicode (a lone surrogate escape), or is nested deeper than <see cref="MaxDepth"/>.</exception>
    public static JsonNode? Parse(string tool, string stdout)
    {
        JsonNode? root;
        try
        {
            root = StrictJson.Parse(stdout);
        }
        catch (JsonException ex)
        {
            throw HookToolErrors.BadOutput(tool, stdout, "not valid JSON", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // ArgumentException: a key repeated in an object; InvalidOperationException: a string that does not decode.
            throw HookToolErrors.BadOutput(tool, stdout, $"not valid JSON: {ex.Message}", ex);
        }

        return root;
    }

    /// <summary>The deepest nesting of a hook tool's JSON output that is read.</summary>
    public const int MaxDepth = StrictJson.MaxDepth;

    /// <summary>Parses output that must be a JSON object, or <c>null</c> meaning an empty one.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="stdout">Its output.</param>
    /// <returns>The object.</returns>
    public static JsonObject ParseObject(string tool, string stdout) => Parse(tool, stdout) switch
    {
        null => [],
        JsonObject obj => obj,
        _ => throw HookToolErrors.BadOutput(tool, stdout, "expected a JSON object"),
    };

    /// <summary>Parses output that must be an object of strings, or <c>null</c> meaning an empty one.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="stdout">Its output.</param>
    /// <returns>The strings by key.</returns>
    public static Dictionary<string, string> ParseStringMap(string tool, string stdout)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ParseObject(tool, stdout))
        {
            result[key] = AsString(value) ?? throw HookToolErrors.BadOutput(tool, stdout, $"value of \"{key}\" is not a string");
        }

        return result;
    }

    /// <summary>Parses output that must be an array of strings, or <c>null</c> meaning an empty one.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="stdout">Its output.</param>
    /// <returns>The strings.</returns>
    public static List<string> ParseStringList(string tool, string stdout) => Parse(tool, stdout) switch
    {
        null => [],
        JsonArray array => array
            .Select(item => AsString(item) ?? throw HookToolErrors.BadOutput(tool, stdout, "expected an array of strings"))
            .ToList(),
        _ => throw HookToolErrors.BadOutput(tool, stdout, "expected a JSON array"),
    };

    /// <summary>The string in a node, or <see langword="null"/> when it is not a JSON string.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The string.</returns>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A string property, or <paramref name="fallback"/> when it is missing or not a string.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="fallback">What to return otherwise.</param>
    /// <returns>The string.</returns>
    public static string GetString(JsonObject obj, string name, string fallback = "") =>
        obj.TryGetPropertyValue(name, out var node) ? AsString(node) ?? fallback : fallback;
}
