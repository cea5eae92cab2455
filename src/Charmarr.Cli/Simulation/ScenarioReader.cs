using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.Metadata;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Cli.Simulation;

/// <summary>Reads a scenario file (format: src/Charmarr.Cli/README.md); problems read <c>file:LINE:COL: what is wrong</c>.</summary>
internal static partial class ScenarioReader
{
    private static readonly string[] TopLevelKeys = ["unit", "leader", "config", "env", "fakes", "stand-ins", "steps", "juju-version"];

    public static Scenario Parse(string yaml, string fileName)
    {
        var nodes = new YamlNodes(fileName);
        try
        {
            var root = nodes.ParseRoot(yaml) ?? throw new CharmMetadataException(fileName, 0, 0, "the scenario is empty; it needs at least 'steps:'");
            foreach (var (key, keyNode, _) in YamlNodes.Entries(root).Where(e => !TopLevelKeys.Contains(e.Key)))
            {
                throw nodes.Error(keyNode, $"unknown key '{key}' (a scenario has {string.Join(", ", TopLevelKeys)})");
            }

            var steps = YamlNodes.Child(root, "steps") as YamlSequenceNode ?? throw nodes.Error(root, "'steps' must be a list of steps");
            var fakes = ReadFakes(nodes, YamlNodes.Child(root, "fakes"));
            return new Scenario(
                nodes.String(root, "unit"),
                nodes.Bool(root, "leader") ?? false,
                JsonMap(nodes.Mapping(root, "config")),
                StringMap(nodes, nodes.Mapping(root, "env")),
                fakes,
                steps.Children.Select(s => ReadStep(nodes, s)).ToList())
            {
                StandIns = ReadStandIns(nodes, YamlNodes.Child(root, "stand-ins"), fakes),
                ConfigLine = YamlNodes.Child(root, "config") is { } config ? config.Start.Line : 0,
                JujuVersion = YamlNodes.Child(root, "juju-version") is { } juju ? SimulatedJuju.Check(nodes.String(root, "juju-version"), () => nodes.Error(juju, "'juju-version' takes 3.6, 4.0 or a full Juju version such as 4.0.16")) : null,
            };
        }
        catch (CharmMetadataException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private static ScenarioStep ReadStep(YamlNodes nodes, YamlNode node)
    {
        var map = node as YamlMappingNode;
        if (map is null || map.Children.Count != 1)
        {
            throw nodes.Error(node, "a step is a mapping with one key: say, event, action, leader, config, relate, remote-data, pebble-ready, check-failed, check-recovered, check-up, notice, file, exec, cos or expect");
        }

        var (kind, _, value) = YamlNodes.Entries(map).Single();
        var line = node.Start.Line;
        var body = value as YamlMappingNode;
        var scalar = (value as YamlScalarNode)?.Value;
        return kind switch
        {
            "say" => new SayStep(line, scalar ?? throw nodes.Error(value, "'say' takes a line of text")),
            "event" when scalar is not null => new EventStep(line, scalar, null, null),
            "event" => new EventStep(line, nodes.RequiredString(Body(nodes, body, value, kind), "hook", "an event"), nodes.String(body, "relation"), nodes.String(body, "unit")),
            "action" => new ActionStep(line, nodes.RequiredString(Body(nodes, body, value, kind), "name", "an action"), YamlNodes.Child(body, "params") is { } p ? YamlNodes.ToJson(p) as JsonObject ?? [] : []),
            "leader" => new LeaderStep(line, YamlNodes.ToJson(value) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw nodes.Error(value, "'leader' takes true or false")),
            "config" => new ConfigStep(line, JsonMap(Body(nodes, body, value, kind))),
            "relate" => new RelateStep(line, nodes.RequiredString(Body(nodes, body, value, kind), "endpoint", "a relation"), nodes.String(body, "app") ?? "", nodes.StringList(body, "units")),
            "remote-data" => new RemoteDataStep(
                line,
                nodes.RequiredString(Body(nodes, body, value, kind), "endpoint", "remote data"),
                StringMap(nodes, nodes.Mapping(body, "app")),
                nodes.Mapping(body, "units") is { } units
                    ? YamlNodes.Entries(units).ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, string>)StringMap(nodes, nodes.MappingValue(u.Value, $"unit '{u.Key}'")), StringComparer.Ordinal)
                    : new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)),
            "pebble-ready" => new PebbleStep(line, "pebble-ready", scalar ?? throw nodes.Error(value, "'pebble-ready' takes a container name"), null),
            "check-failed" or "check-recovered" => new PebbleStep(
                line,
                $"pebble-{kind}",
                nodes.RequiredString(Body(nodes, body, value, kind), "container", kind),
                nodes.RequiredString(body!, "check", kind)),
            "file" => new FileStep(
                line,
                nodes.RequiredString(Body(nodes, body, value, kind), "container", "a file"),
                nodes.RequiredString(body!, "path", "a file"),
                nodes.String(body, "content") ?? "",
                nodes.Int(body, "user-id"),
                nodes.Int(body, "group-id")),
            "check-up" => new CheckUpStep(
                line,
                nodes.RequiredString(Body(nodes, body, value, kind), "container", kind),
                nodes.RequiredString(body!, "check", kind)),
            "notice" => new NoticeStep(
                line,
                nodes.RequiredString(Body(nodes, body, value, kind), "container", "a notice"),
                NoticeKey(nodes, body!, nodes.RequiredString(body!, "key", "a notice"))),
            "exec" => new ExecStep(
                line,
                nodes.RequiredString(Body(nodes, body, value, kind), "container", "an exec handler"),
                nodes.StringList(body, "command-prefix") is { Count: > 0 } prefix ? prefix : throw nodes.Error(value, "'exec' needs 'command-prefix', e.g. [chown]"),
                nodes.Int(body, "exit") ?? 0,
                nodes.String(body, "stdout") ?? ""),
            "cos" when scalar is not null => new CosStep(line, scalar, null),
            "cos" => new CosStep(line, nodes.RequiredString(Body(nodes, body, value, kind), "charm", "a COS stand-in"), nodes.String(body, "endpoint")),
            "expect" => new ExpectStep(line, nodes.String(Body(nodes, body, value, kind), "unit"), nodes.String(body, "app"), nodes.String(body, "action")),
            _ => throw nodes.Error(map, $"unknown step '{kind}'"),
        };
    }

    // Pebble's rule for custom notice keys (POST /v1/notices answers 400 otherwise).
    private static string NoticeKey(YamlNodes nodes, YamlMappingNode body, string key) =>
        key.Length <= 256 && CustomNoticeKey().IsMatch(key)
            ? key
            : throw nodes.Error(YamlNodes.Child(body, "key") ?? body, $"'{key}' is not a key Pebble accepts for a custom notice: it must look like \"example.com/path\" (lower-case letters, digits and dashes; at most 256 bytes)");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+(/[a-z0-9]+(-[a-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomNoticeKey();

    private static YamlMappingNode Body(YamlNodes nodes, YamlMappingNode? body, YamlNode value, string kind) =>
        body ?? throw nodes.Error(value, $"'{kind}' takes a mapping");

    private static List<HttpFake> ReadFakes(YamlNodes nodes, YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        return (node as YamlSequenceNode ?? throw nodes.Error(node, "'fakes' must be a list")).Children.Select(f =>
        {
            var fake = nodes.MappingValue(f, "a fake");
            var routes = YamlNodes.Child(fake, "routes") as YamlSequenceNode ?? throw nodes.Error(fake, "a fake needs 'routes', a list");
            return new HttpFake(
                nodes.RequiredString(fake, "name", "a fake"),
                nodes.RequiredString(fake, "url-env", "a fake"),
                routes.Children.Select(r =>
                {
                    var route = nodes.MappingValue(r, "a route");
                    return new HttpFakeRoute(
                        nodes.String(route, "method") ?? "GET",
                        nodes.RequiredString(route, "path", "a route"),
                        nodes.Int(route, "status") ?? 200,
                        nodes.String(route, "body") ?? "",
                        nodes.String(route, "content-type") ?? "application/json");
                }).ToList());
        }).ToList();
    }

    private static List<WorkloadStandIn> ReadStandIns(YamlNodes nodes, YamlNode? node, IReadOnlyList<HttpFake> fakes)
    {
        if (node is null)
        {
            return [];
        }

        return (node as YamlSequenceNode ?? throw nodes.Error(node, "'stand-ins' must be a list")).Children.Select(s =>
        {
            var map = nodes.MappingValue(s, "a stand-in");
            var path = nodes.RequiredString(map, "path", "a stand-in");
            var port = nodes.Int(map, "port");
            var fake = nodes.String(map, "fake");
            if (!path.StartsWith('/') || path.EndsWith('/') || path.Split('/').Any(p => p is "." or ".."))
            {
                throw nodes.Error(map, $"a stand-in's path must be an absolute file path, not '{path}'");
            }

            if (port is < 1 or > 65535)
            {
                throw nodes.Error(map, $"a stand-in's port must be 1 to 65535, not {port}");
            }

            if (fake is not null && (port is null || !fakes.Any(f => f.Name == fake)))
            {
                throw nodes.Error(map, port is null
                    ? $"a stand-in serving the fake '{fake}' needs a 'port'"
                    : $"no fake named '{fake}' (the scenario has: {string.Join(", ", fakes.Select(f => f.Name))})");
            }

            return new WorkloadStandIn(s.Start.Line, nodes.RequiredString(map, "container", "a stand-in"), path, port, fake);
        }).ToList();
    }

    private static Dictionary<string, JsonNode?> JsonMap(YamlMappingNode? map) =>
        map is null ? [] : YamlNodes.Entries(map).ToDictionary(e => e.Key, e => YamlNodes.ToJson(e.Value), StringComparer.Ordinal);

    private static Dictionary<string, string> StringMap(YamlNodes nodes, YamlMappingNode? map) =>
        map is null ? [] : YamlNodes.Entries(map).ToDictionary(
            e => e.Key,
            e => YamlNodes.ToJson(e.Value) switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v => Convert.ToString(v.ToJsonString(), CultureInfo.InvariantCulture),
                _ => throw nodes.Error(e.Value, $"'{e.Key}' must be a plain value"),
            },
            StringComparer.Ordinal);
}
