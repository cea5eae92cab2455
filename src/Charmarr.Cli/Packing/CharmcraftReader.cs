using System.Text.Json.Nodes;
using Charmarr.Ops.Metadata;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Cli.Packing;

/// <summary>Reads <c>charmcraft.yaml</c> for packing; every problem is a <see cref="CharmMetadataException"/> reading
/// <c>charmcraft.yaml:LINE:COL: what is wrong</c>.</summary>
internal static class CharmcraftReader
{
    /// <summary>Keys charmcraft consumes itself; they never reach metadata.yaml.</summary>
    private static readonly HashSet<string> CharmcraftOnlyKeys = new(StringComparer.Ordinal)
    {
        "type", "base", "build-base", "platforms", "bases", "parts", "config", "actions", "charmhub", "charm-libs", "analysis",
        "name", "title", "summary", "description", "containers", "resources", "storage", "requires", "provides", "peers",
    };

    /// <summary>Keys metadata.yaml may carry beyond the ones <see cref="CharmMetadata"/> types.</summary>
    private static readonly HashSet<string> PassThroughKeys = new(StringComparer.Ordinal)
    {
        "assumes", "subordinate", "extra-bindings", "links", "website", "source", "issues", "docs", "maintainers", "terms",
        "min-juju-version", "charm-user", "devices", "payloads", "series",
    };

    /// <summary>Reads and checks the file's text.</summary>
    /// <param name="yaml">The text of charmcraft.yaml.</param>
    /// <param name="fileName">The name errors use.</param>
    /// <returns>The project.</returns>
    /// <exception cref="CharmMetadataException">The text is wrong; the message has the line and column.</exception>
    public static CharmcraftProject Parse(string yaml, string fileName = "charmcraft.yaml")
    {
        var metadata = CharmMetadata.ParseCharmcraft(yaml, fileName);
        var nodes = new YamlNodes(fileName);
        var root = nodes.ParseRoot(yaml)!;
        var type = nodes.String(root, "type");
        if (type is not null and not "charm")
        {
            throw nodes.Error(YamlNodes.Child(root, "type")!, $"'type' is '{type}', but charmarr packs charms only (type: charm)");
        }

        var extras = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (key, keyNode, value) in YamlNodes.Entries(root))
        {
            if (PassThroughKeys.Contains(key))
            {
                extras.Add(new(key, YamlNodes.ToJson(value)));
            }
            else if (!CharmcraftOnlyKeys.Contains(key))
            {
                throw nodes.Error(keyNode, $"unknown key '{key}'; charmcraft.yaml keys are the metadata.yaml keys plus type, base, platforms, parts, config and actions");
            }
        }

        var actions = nodes.Mapping(root, "actions") is { } actionMap
            ? YamlNodes.Entries(actionMap).Select(a => new KeyValuePair<string, JsonObject>(a.Key, YamlNodes.ToJson(a.Value) as JsonObject ?? [])).ToList()
            : [];
        return new CharmcraftProject(metadata, nodes.String(root, "title"), PlatformReader.Read(nodes, root), extras, actions);
    }
}
