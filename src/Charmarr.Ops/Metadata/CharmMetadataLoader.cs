using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Metadata;

/// <summary>Turns charmcraft.yaml, or the metadata.yaml/config.yaml/actions.yaml of a packed charm, into <see cref="CharmMetadata"/>.</summary>
internal static class CharmMetadataLoader
{
    public static CharmMetadata Load(string charmDir)
    {
        var metadataPath = Path.Combine(charmDir, "metadata.yaml");
        if (File.Exists(metadataPath))
        {
            var metadataYaml = File.ReadAllBytes(metadataPath);
            var configYaml = ReadIfExists(Path.Combine(charmDir, "config.yaml"));
            var actionsYaml = ReadIfExists(Path.Combine(charmDir, "actions.yaml"));
            var compiled = ReadIfExists(Path.Combine(charmDir, CompiledMetadata.RelativePath));
            if (compiled is not null && CompiledMetadata.TryDecode(compiled, CompiledMetadata.HashSources(metadataYaml, configYaml, actionsYaml)) is { } metadata)
            {
                return metadata;
            }

            return ParsePacked(Text(metadataYaml), configYaml is null ? null : Text(configYaml), actionsYaml is null ? null : Text(actionsYaml));
        }

        var charmcraftPath = Path.Combine(charmDir, "charmcraft.yaml");
        if (File.Exists(charmcraftPath))
        {
            return ParseCharmcraft(File.ReadAllText(charmcraftPath), "charmcraft.yaml");
        }

        throw new CharmMetadataException($"{charmDir} holds neither metadata.yaml (a packed charm) nor charmcraft.yaml (a charm source)");
    }

    public static CharmMetadata ParseCharmcraft(string yaml, string fileName)
    {
        var nodes = new YamlNodes(fileName);
        var root = nodes.ParseRoot(yaml) ?? throw new CharmMetadataException(fileName, 0, 0, "the file is empty");
        var config = nodes.Mapping(root, "config");
        return ParseMetadata(nodes, root) with
        {
            Config = ParseConfig(nodes, nodes.Mapping(config, "options")),
            Actions = ParseActions(nodes, nodes.Mapping(root, "actions")),
        };
    }

    public static CharmMetadata ParsePacked(string metadataYaml, string? configYaml, string? actionsYaml)
    {
        var metaNodes = new YamlNodes("metadata.yaml");
        var root = metaNodes.ParseRoot(metadataYaml) ?? throw new CharmMetadataException("metadata.yaml", 0, 0, "the file is empty");
        var metadata = ParseMetadata(metaNodes, root);
        if (configYaml is not null)
        {
            var configNodes = new YamlNodes("config.yaml");
            metadata = metadata with { Config = ParseConfig(configNodes, configNodes.Mapping(configNodes.ParseRoot(configYaml), "options")) };
        }

        if (actionsYaml is not null)
        {
            var actionNodes = new YamlNodes("actions.yaml");
            metadata = metadata with { Actions = ParseActions(actionNodes, actionNodes.ParseRoot(actionsYaml)) };
        }

        return metadata;
    }

    private static byte[]? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    // As File.ReadAllText reads UTF-8: a byte-order mark is not part of the text.
    private static string Text(byte[] utf8) => new System.Text.UTF8Encoding(false).GetString(utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8.AsSpan(3) : utf8);

    private static CharmMetadata ParseMetadata(YamlNodes nodes, YamlMappingNode root)
    {
        var relations = new Dictionary<string, RelationMeta>(StringComparer.Ordinal);
        foreach (var (section, role) in new[] { ("requires", RelationRole.Requires), ("provides", RelationRole.Provides), ("peers", RelationRole.Peer) })
        {
            var map = nodes.Mapping(root, section);
            if (map is null)
            {
                continue;
            }

            foreach (var (name, keyNode, value) in YamlNodes.Entries(map))
            {
                var body = nodes.MappingValue(value, $"endpoint '{name}'");
                if (relations.ContainsKey(name))
                {
                    throw nodes.Error(keyNode, $"endpoint '{name}' is declared more than once");
                }

                relations[name] = new RelationMeta(
                    name,
                    role,
                    nodes.RequiredString(body, "interface", $"endpoint '{name}'"),
                    nodes.Int(body, "limit"),
                    nodes.Bool(body, "optional") ?? false,
                    nodes.String(body, "scope") ?? "global");
            }
        }

        return new CharmMetadata
        {
            Name = nodes.RequiredString(root, "name", "the charm"),
            Summary = nodes.String(root, "summary") ?? "",
            Description = nodes.String(root, "description") ?? "",
            Relations = relations,
            Containers = ParseEach(nodes, nodes.Mapping(root, "containers"), "container", (name, body) => new ContainerMeta(
                name,
                nodes.String(body, "resource"),
                ParseMounts(nodes, body))),
            Storage = ParseEach(nodes, nodes.Mapping(root, "storage"), "storage", (name, body) => new StorageMeta(
                name,
                nodes.RequiredString(body, "type", $"storage '{name}'"),
                nodes.String(body, "location"),
                nodes.String(body, "description") ?? "",
                nodes.String(body, "minimum-size"),
                nodes.String(nodes.Mapping(body, "multiple"), "range"))),
            Resources = ParseEach(nodes, nodes.Mapping(root, "resources"), "resource", (name, body) => new ResourceMeta(
                name,
                nodes.RequiredString(body, "type", $"resource '{name}'"),
                nodes.String(body, "description") ?? "",
                nodes.String(body, "filename"),
                nodes.String(body, "upstream-source"))),
            ExtraBindings = nodes.Mapping(root, "extra-bindings") is { } bindings
                ? YamlNodes.Entries(bindings).Select(e => e.Key).ToList()
                : [],
        };
    }

    private static List<ContainerMountMeta> ParseMounts(YamlNodes nodes, YamlMappingNode body)
    {
        var mounts = YamlNodes.Child(body, "mounts");
        if (mounts is null)
        {
            return [];
        }

        if (mounts is not YamlSequenceNode seq)
        {
            throw nodes.Error(mounts, "'mounts' must be a list");
        }

        return seq.Children.Select(m =>
        {
            var mount = nodes.MappingValue(m, "a mount");
            return new ContainerMountMeta(
                nodes.RequiredString(mount, "storage", "a mount"),
                nodes.String(mount, "location") ?? "");
        }).ToList();
    }

    private static Dictionary<string, T> ParseEach<T>(YamlNodes nodes, YamlMappingNode? map, string what, Func<string, YamlMappingNode, T> parse)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        foreach (var (name, _, value) in YamlNodes.Entries(map))
        {
            result[name] = parse(name, nodes.MappingValue(value, $"{what} '{name}'"));
        }

        return result;
    }

    private static Dictionary<string, ConfigOptionMeta> ParseConfig(YamlNodes nodes, YamlMappingNode? options) =>
        ParseEach(nodes, options, "config option", (name, body) =>
        {
            var typeNode = YamlNodes.Child(body, "type")
                ?? throw nodes.Error(body, $"config option '{name}' needs a 'type' (string, int, float, boolean or secret)");
            var type = nodes.String(body, "type") switch
            {
                "string" => ConfigOptionType.String,
                "int" => ConfigOptionType.Int,
                "float" => ConfigOptionType.Float,
                "boolean" => ConfigOptionType.Boolean,
                "secret" => ConfigOptionType.Secret,
                var other => throw nodes.Error(typeNode, $"config option '{name}' has unknown type '{other}' (expected string, int, float, boolean or secret)"),
            };
            var defaultNode = YamlNodes.Child(body, "default");
            JsonNode? defaultValue = null;
            if (defaultNode is not null)
            {
                defaultValue = ConfigValues.Coerce(type, YamlNodes.ToJson(defaultNode))
                    ?? (YamlNodes.ToJson(defaultNode) is null
                        ? null
                        : throw nodes.Error(defaultNode, $"config option '{name}' is of type {ConfigValues.TypeName(type)} but its default is not"));
            }

            return new ConfigOptionMeta(name, type, defaultValue, nodes.String(body, "description") ?? "");
        });

    private static Dictionary<string, ActionMeta> ParseActions(YamlNodes nodes, YamlMappingNode? actions) =>
        ParseEach(nodes, actions, "action", (name, body) =>
        {
            var parameters = ParseEach(nodes, nodes.Mapping(body, "params"), "parameter", (param, schema) =>
            {
                var typeText = nodes.String(schema, "type");
                var type = typeText switch
                {
                    null => ActionParamType.Any,
                    "string" => ActionParamType.String,
                    "integer" => ActionParamType.Integer,
                    "number" => ActionParamType.Number,
                    "boolean" => ActionParamType.Boolean,
                    "array" => ActionParamType.Array,
                    "object" => ActionParamType.Object,
                    _ => throw nodes.Error(YamlNodes.Child(schema, "type")!, $"parameter '{param}' of action '{name}' has unknown type '{typeText}'"),
                };
                var enumValues = YamlNodes.Child(schema, "enum") is YamlSequenceNode seq
                    ? seq.Children.Select(YamlNodes.ToJson).ToList()
                    : [];
                return new ActionParamMeta(
                    param,
                    type,
                    nodes.String(schema, "description") ?? "",
                    YamlNodes.Child(schema, "default") is { } d ? YamlNodes.ToJson(d) : null,
                    enumValues);
            });
            var required = nodes.StringList(body, "required");
            foreach (var missing in required.Where(r => !parameters.ContainsKey(r)))
            {
                throw nodes.Error(body, $"action '{name}' requires parameter '{missing}', which it does not declare");
            }

            return new ActionMeta(
                name,
                nodes.String(body, "description") ?? "",
                parameters,
                required,
                nodes.Bool(body, "additionalProperties"));
        });
}
