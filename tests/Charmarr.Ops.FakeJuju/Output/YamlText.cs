using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Charmarr.Ops.FakeJuju.Output;

/// YAML in and out: emitting tool output, and reading `--file` settings maps.
internal static class YamlText
{
    public static string Serialize(JsonNode? node)
    {
        var serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();
        return serializer.Serialize(ToPlain(node));
    }

    /// Parses a YAML (or JSON) map of string to string; non-string scalars become their text, null becomes "".
    public static Dictionary<string, string> ParseStringMap(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException("yaml: " + e.Message, e);
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return result;
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            return result;
        }
        if (root is not YamlMappingNode mapping)
        {
            throw new FormatException($"yaml: unmarshal errors:\n  line {root.Start.Line}: cannot unmarshal {Describe(root)} into map[string]string");
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode keyScalar || value is not YamlScalarNode valueScalar)
            {
                throw new FormatException($"yaml: unmarshal errors:\n  line {value.Start.Line}: cannot unmarshal {Describe(value)} into string");
            }
            result[keyScalar.Value ?? ""] = IsNull(valueScalar) ? "" : valueScalar.Value ?? "";
        }
        return result;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "null" or "~" or "Null" or "NULL";

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "!!seq",
        YamlMappingNode => "!!map",
        _ => "!!str",
    };

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new SortedDictionary<string, object?>(
            obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
