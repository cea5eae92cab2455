using Charmarr.Ops.Metadata;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Cli.Packing;

/// <summary>Works out the bases a charm is built for, from charmcraft 3's <c>base</c> + <c>platforms</c> or the older <c>bases</c>.</summary>
internal static class PlatformReader
{
    private static readonly HashSet<string> Architectures = new(StringComparer.Ordinal) { "amd64", "arm64", "armhf", "ppc64el", "riscv64", "s390x" };

    public static IReadOnlyList<CharmBase> Read(YamlNodes nodes, YamlMappingNode root)
    {
        if (YamlNodes.Child(root, "bases") is { } legacy)
        {
            return ReadLegacy(nodes, legacy);
        }

        var platforms = nodes.Mapping(root, "platforms") ?? throw nodes.Error(root, "no 'platforms': add e.g.\nbase: ubuntu@24.04\nplatforms:\n  amd64:");
        var baseNode = YamlNodes.Child(root, "base");
        var defaultBase = nodes.String(root, "base");
        var bases = new List<CharmBase>();
        foreach (var (name, keyNode, value) in YamlNodes.Entries(platforms))
        {
            var body = nodes.MappingValue(value, $"platform '{name}'");
            if (nodes.StringList(body, "build-for") is { Count: > 0 } buildFor)
            {
                bases.AddRange(buildFor.Select(target => Target(nodes, YamlNodes.Child(body, "build-for")!, target, defaultBase, baseNode)));
            }
            else
            {
                bases.Add(Target(nodes, keyNode, name, defaultBase, baseNode));
            }
        }

        return bases.Count > 0 ? bases.Distinct().ToList() : throw nodes.Error(platforms, "'platforms' is empty: add e.g. amd64:");
    }

    // "amd64" (with the top-level base) or "ubuntu@24.04:amd64".
    private static CharmBase Target(YamlNodes nodes, YamlNode at, string target, string? defaultBase, YamlNode? baseNode)
    {
        var colon = target.LastIndexOf(':');
        var arch = colon < 0 ? target : target[(colon + 1)..];
        var baseText = colon < 0 ? defaultBase : target[..colon];
        if (!Architectures.Contains(arch))
        {
            throw nodes.Error(at, $"platform '{target}' names no known architecture ({string.Join(", ", Architectures)})");
        }

        if (baseText is null)
        {
            throw nodes.Error(at, $"platform '{target}' has no base: add 'base: ubuntu@24.04' at the top level, or write it as ubuntu@24.04:{arch}");
        }

        var at2 = baseText.Split('@');
        if (at2.Length != 2 || at2[0].Length == 0 || at2[1].Length == 0)
        {
            throw nodes.Error(colon < 0 && baseNode is not null ? baseNode : at, $"base '{baseText}' is not of the form name@channel, e.g. ubuntu@24.04");
        }

        return new CharmBase(at2[0], at2[1], arch);
    }

    // bases: [{name, channel, architectures}] or [{build-on: [...], run-on: [...]}]: the run-on entries are the bases.
    private static List<CharmBase> ReadLegacy(YamlNodes nodes, YamlNode legacy)
    {
        if (legacy is not YamlSequenceNode entries)
        {
            throw nodes.Error(legacy, "'bases' must be a list");
        }

        var bases = new List<CharmBase>();
        foreach (var entryNode in entries)
        {
            var entry = nodes.MappingValue(entryNode, "an entry of 'bases'");
            var runOn = YamlNodes.Child(entry, "run-on") is YamlSequenceNode runs ? runs.Children : [entryNode];
            foreach (var runNode in runOn)
            {
                var run = nodes.MappingValue(runNode, "a base");
                var name = nodes.RequiredString(run, "name", "a base");
                var channel = nodes.RequiredString(run, "channel", "a base");
                var archs = nodes.StringList(run, "architectures");
                bases.AddRange((archs.Count == 0 ? ["amd64"] : archs).Select(a => new CharmBase(name, channel, a)));
            }
        }

        return bases.Count > 0 ? bases.Distinct().ToList() : throw nodes.Error(legacy, "'bases' is empty");
    }
}
