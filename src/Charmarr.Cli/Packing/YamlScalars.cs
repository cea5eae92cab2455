using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Charmarr.Cli.Packing;

/// <summary>Writes single YAML values for the templates: plain where YAML reads them back unchanged, else quoted;
/// multi-line text as a literal block; lists and mappings as JSON flow (JSON is YAML).</summary>
internal static partial class YamlScalars
{
    private static readonly JsonSerializerOptions Flow = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A value written after <c>key: </c> at the given indentation (used for block text).</summary>
    /// <param name="value">The value.</param>
    /// <param name="indent">The spaces before the key.</param>
    /// <returns>The YAML text, without a trailing newline.</returns>
    public static string Value(JsonNode? value, int indent = 0) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Text(v.GetValue<string>(), indent),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(Flow),
    };

    /// <summary>A string written after <c>key: </c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="indent">The spaces before the key.</param>
    /// <returns>The YAML text.</returns>
    public static string Text(string text, int indent = 0)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal) && text.Trim() == text.TrimEnd('\n').TrimStart())
        {
            var pad = new string(' ', indent + 2);
            var chomp = text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : text.EndsWith('\n') ? "" : "-";
            var lines = text.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "" : pad + l);
            return $"|{chomp}\n{string.Join('\n', lines)}";
        }

        return IsPlainSafe(text) ? text : JsonSerializer.Serialize(text, CliJson.Default.String);
    }

    /// <summary>A number or string key, quoted when YAML would read it as something else.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The YAML text.</returns>
    public static string Key(string key) => IsPlainSafe(key) ? key : JsonSerializer.Serialize(key, CliJson.Default.String);

    /// <summary>A whole number.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Its text.</returns>
    public static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static bool IsPlainSafe(string text) =>
        text.Length > 0 && PlainPattern().IsMatch(text) && !ReservedPattern().IsMatch(text) && !NumberPattern().IsMatch(text)
        && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':');

    [GeneratedRegex(@"^[A-Za-z0-9_/(][^\x00-\x1f\x7f]*(?<! )$")]
    private static partial Regex PlainPattern();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$")]
    private static partial Regex ReservedPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|\.inf|\.nan)([eE][-+]?[0-9]+)?$|^[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?$")]
    private static partial Regex NumberPattern();
}
