using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Metadata;

/// <summary>Reads typed values out of a YAML tree, reporting problems with the file and line.</summary>
internal sealed partial class YamlNodes(string file)
{
    // Empty bodies ("db:" with nothing under it) read as fresh empty mappings, which have no position of their own;
    // errors about them are reported where the empty value stood.
    private readonly Dictionary<YamlNode, YamlNode> standIns = new(ReferenceEqualityComparer.Instance);

    public string File { get; } = file;

    public YamlMappingNode? ParseRoot(string text)
    {
        YamlStream stream;
        try
        {
            stream = YamlDepthLimit.Load(text);
        }
        catch (YamlException e)
        {
            throw new CharmMetadataException(File, e.Start.Line, e.Start.Column, $"not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(stream.Documents[0].RootNode, "the top level must be a mapping of keys to values");
        RequireScalarKeys(root);
        return root;
    }

    // Every mapping key must be a string (a mapping or list as a key, legal YAML, means nothing in charm metadata).
    private void RequireScalarKeys(YamlMappingNode root)
    {
        if (YamlDepthLimit.FirstNonScalarKey(root) is { } key)
        {
            throw Error(key, "a mapping key must be a string, not a mapping or a list");
        }
    }

    public CharmMetadataException Error(YamlNode node, string problem)
    {
        var at = standIns.GetValueOrDefault(node, node);
        return new(File, at.Start.Line, at.Start.Column, problem);
    }

    public static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map) =>
        map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Key, kv.Value));

    public YamlMappingNode? Mapping(YamlMappingNode? parent, string key)
    {
        var node = Child(parent, key);
        return node switch
        {
            null => null,
            YamlScalarNode s when IsNull(s) => null,
            YamlMappingNode m => m,
            _ => throw Error(node, $"'{key}' must be a mapping"),
        };
    }

    public YamlMappingNode MappingValue(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlMappingNode m:
                return m;
            case YamlScalarNode s when IsNull(s):
                var empty = new YamlMappingNode();
                standIns[empty] = s;
                return empty;
            default:
                throw Error(node, $"{what} must be a mapping");
        }
    }

    public string? String(YamlMappingNode? parent, string key)
    {
        var node = Child(parent, key);
        return node switch
        {
            null => null,
            YamlScalarNode s when IsNull(s) => null,
            YamlScalarNode s => s.Value,
            _ => throw Error(node, $"'{key}' must be a string"),
        };
    }

    public string RequiredString(YamlMappingNode parent, string key, string what) =>
        String(parent, key) ?? throw Error(parent, $"{what} needs '{key}'");

    public bool? Bool(YamlMappingNode? parent, string key)
    {
        var node = Child(parent, key);
        if (node is null)
        {
            return null;
        }

        return ToJson(node) is JsonValue v && v.TryGetValue<bool>(out var b)
            ? b
            : throw Error(node, $"'{key}' must be true or false");
    }

    public int? Int(YamlMappingNode? parent, string key)
    {
        var node = Child(parent, key);
        if (node is null)
        {
            return null;
        }

        return node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw Error(node, $"'{key}' must be a whole number");
    }

    public IReadOnlyList<string> StringList(YamlMappingNode? parent, string key)
    {
        var node = Child(parent, key);
        return node switch
        {
            null => [],
            YamlScalarNode s when IsNull(s) => [],
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { } v }
                ? v
                : throw Error(c, $"'{key}' must be a list of strings")).ToList(),
            _ => throw Error(node, $"'{key}' must be a list"),
        };
    }

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Converts YAML to JSON with YAML 1.2 core-schema typing for plain scalars; quoted scalars stay strings.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, _, value) in Entries(map))
                {
                    obj[key] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar:
                return ScalarToJson(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (IsNull(scalar))
        {
            return null;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }

    // YAML 1.2 core-schema floats; NaN and infinities (.nan, .inf) have no JSON form and stay strings.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex FloatPattern();
}
