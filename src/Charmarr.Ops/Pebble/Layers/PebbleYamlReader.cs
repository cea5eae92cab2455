using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Reads Pebble layer and plan YAML into the layer records. Strict for layers a charm writes (an unknown section or
/// field is an error, as Pebble rejects it); lenient for plans Pebble sends, which a newer Pebble may extend.
/// </summary>
internal sealed class PebbleYamlReader
{
    private readonly string document;
    private readonly bool strict;

    private PebbleYamlReader(string document, bool strict)
    {
        this.document = document;
        this.strict = strict;
    }

    /// <summary>Reads a layer, rejecting anything Pebble would not accept.</summary>
    /// <param name="yaml">The layer's YAML.</param>
    /// <returns>The layer.</returns>
    /// <exception cref="FormatException">The YAML is not a valid layer.</exception>
    public static PebbleLayer ReadLayer(string yaml)
    {
        var reader = new PebbleYamlReader("layer", strict: true);
        var root = reader.Root(yaml);
        return new PebbleLayer
        {
            Summary = reader.Str(Child(root, "summary")),
            Description = reader.Str(Child(root, "description")),
            Services = reader.Section(root, "services", reader.Service),
            Checks = reader.Section(root, "checks", reader.Check),
            LogTargets = reader.Section(root, "log-targets", reader.LogTarget),
        };
    }

    /// <summary>Reads a plan, ignoring sections and fields this version does not know.</summary>
    /// <param name="yaml">The plan's YAML.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">The YAML is not a plan.</exception>
    public static PebblePlan ReadPlan(string yaml)
    {
        var reader = new PebbleYamlReader("plan", strict: false);
        var root = reader.Root(yaml);
        return new PebblePlan
        {
            Services = reader.Section(root, "services", reader.Service),
            Checks = reader.Section(root, "checks", reader.Check),
            LogTargets = reader.Section(root, "log-targets", reader.LogTarget),
            Yaml = yaml,
        };
    }

    private YamlMappingNode? Root(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlStream stream;
        try
        {
            stream = Metadata.YamlDepthLimit.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{document} YAML line {e.Start.Line}, column {e.Start.Column}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return null;
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode ?? throw Error(stream.Documents[0].RootNode, "the top level must be a mapping");
        if (Metadata.YamlDepthLimit.FirstNonScalarKey(root) is { } badKey)
        {
            throw Error(badKey, "a mapping key must be a string, not a mapping or a list");
        }

        string[] sections = ["summary", "description", "services", "checks", "log-targets"];
        foreach (var (key, _) in Entries(root))
        {
            if (strict && !sections.Contains(key))
            {
                throw Error(KeyOf(root, key), $"unknown section \"{key}\" (expected {string.Join(", ", sections)})");
            }
        }

        return root;
    }

    private Dictionary<string, T> Section<T>(YamlMappingNode? root, string name, Func<string, YamlMappingNode, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var node = Child(root, name);
        if (node is null || IsNull(node))
        {
            return result;
        }

        var items = Mapping(node, $"section \"{name}\"");
        foreach (var (key, value) in Entries(items))
        {
            if (IsNull(value))
            {
                throw Error(KeyOf(items, key), $"{name} \"{key}\" cannot be null");
            }

            result[key] = read(key, Mapping(value, $"{name} \"{key}\""));
        }

        return result;
    }

    private PebbleService Service(string name, YamlMappingNode map)
    {
        var service = new PebbleService();
        foreach (var (key, value) in Entries(map))
        {
            service = key switch
            {
                "override" => service with { Override = Override(value) },
                "summary" => service with { Summary = Str(value) },
                "description" => service with { Description = Str(value) },
                "startup" => service with { Startup = Startup(value) },
                "command" => service with { Command = Str(value) },
                "after" => service with { After = StrList(value) },
                "before" => service with { Before = StrList(value) },
                "requires" => service with { Requires = StrList(value) },
                "environment" => service with { Environment = StrMap(value) },
                "user" => service with { User = Str(value) },
                "user-id" => service with { UserId = Int(value) },
                "group" => service with { Group = Str(value) },
                "group-id" => service with { GroupId = Int(value) },
                "working-dir" => service with { WorkingDir = Str(value) },
                "workload" => service with { Workload = Str(value) },
                "on-success" => service with { OnSuccess = Action(value) },
                "on-failure" => service with { OnFailure = Action(value) },
                "on-check-failure" => service with { OnCheckFailure = ActionMap(value) },
                "backoff-delay" => service with { BackoffDelay = Duration(value) },
                "backoff-factor" => service with { BackoffFactor = Double(value) },
                "backoff-limit" => service with { BackoffLimit = Duration(value) },
                "kill-delay" => service with { KillDelay = Duration(value) },
                _ => Unknown(service, map, key, $"service \"{name}\""),
            };
        }

        return service;
    }

    private PebbleCheck Check(string name, YamlMappingNode map)
    {
        var check = new PebbleCheck();
        foreach (var (key, value) in Entries(map))
        {
            check = key switch
            {
                "override" => check with { Override = Override(value) },
                "level" => check with { Level = Level(value) },
                "startup" => check with { Startup = CheckStartupValue(value) },
                "period" => check with { Period = Duration(value) },
                "timeout" => check with { Timeout = Duration(value) },
                "threshold" => check with { Threshold = (int?)Int(value) },
                "http" => check with { Http = Http(name, value) },
                "tcp" => check with { Tcp = Tcp(name, value) },
                "exec" => check with { Exec = Exec(name, value) },
                _ => Unknown(check, map, key, $"check \"{name}\""),
            };
        }

        return check;
    }

    private PebbleHttpCheck? Http(string check, YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        var http = new PebbleHttpCheck();
        var map = Mapping(node, $"check \"{check}\" http");
        foreach (var (key, value) in Entries(map))
        {
            http = key switch
            {
                "url" => http with { Url = Str(value) },
                "headers" => http with { Headers = StrMap(value) },
                _ => Unknown(http, map, key, $"check \"{check}\" http"),
            };
        }

        return http;
    }

    private PebbleTcpCheck? Tcp(string check, YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        var tcp = new PebbleTcpCheck();
        var map = Mapping(node, $"check \"{check}\" tcp");
        foreach (var (key, value) in Entries(map))
        {
            tcp = key switch
            {
                "port" => tcp with { Port = (int?)Int(value) },
                "host" => tcp with { Host = Str(value) },
                _ => Unknown(tcp, map, key, $"check \"{check}\" tcp"),
            };
        }

        return tcp;
    }

    private PebbleExecCheck? Exec(string check, YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        var exec = new PebbleExecCheck();
        var map = Mapping(node, $"check \"{check}\" exec");
        foreach (var (key, value) in Entries(map))
        {
            exec = key switch
            {
                "command" => exec with { Command = Str(value) },
                "service-context" => exec with { ServiceContext = Str(value) },
                "environment" => exec with { Environment = StrMap(value) },
                "user" => exec with { User = Str(value) },
                "user-id" => exec with { UserId = Int(value) },
                "group" => exec with { Group = Str(value) },
                "group-id" => exec with { GroupId = Int(value) },
                "working-dir" => exec with { WorkingDir = Str(value) },
                _ => Unknown(exec, map, key, $"check \"{check}\" exec"),
            };
        }

        return exec;
    }

    private PebbleLogTarget LogTarget(string name, YamlMappingNode map)
    {
        var target = new PebbleLogTarget();
        foreach (var (key, value) in Entries(map))
        {
            target = key switch
            {
                "override" => target with { Override = Override(value) },
                "type" => target with { Type = Str(value) },
                "location" => target with { Location = Str(value) },
                "services" => target with { Services = StrList(value) },
                "labels" => target with { Labels = StrMap(value) },
                _ => Unknown(target, map, key, $"log target \"{name}\""),
            };
        }

        return target;
    }

    private T Unknown<T>(T unchanged, YamlMappingNode map, string key, string owner) =>
        strict ? throw Error(KeyOf(map, key), $"unknown field \"{key}\" in {owner}") : unchanged;

    private string? Str(YamlNode? node) => node switch
    {
        null => null,
        _ when IsNull(node) => null,
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => throw Error(node, "expected a string"),
    };

    private long? Int(YamlNode node)
    {
        var text = Str(node);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"expected a whole number, got \"{text}\"");
    }

    private double? Double(YamlNode node)
    {
        var text = Str(node);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(node, $"expected a number, got \"{text}\"");
    }

    private TimeSpan? Duration(YamlNode node)
    {
        var text = Str(node);
        if (text is null)
        {
            return null;
        }

        return GoDuration.TryParse(text, out var value) ? value : throw Error(node, $"invalid duration \"{text}\" (write it like 500ms, 10s or 1m30s)");
    }

    private List<string>? StrList(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        return node is YamlSequenceNode sequence
            ? sequence.Children.Select(c => Str(c) ?? throw Error(c, "list items cannot be null")).ToList()
            : throw Error(node, "expected a list of strings");
    }

    private Dictionary<string, string>? StrMap(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        return Entries(Mapping(node, "this field")).ToDictionary(e => e.Key, e => Str(e.Value) ?? string.Empty, StringComparer.Ordinal);
    }

    private Dictionary<string, PebbleServiceAction>? ActionMap(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        return Entries(Mapping(node, "on-check-failure")).ToDictionary(
            e => e.Key,
            e => Action(e.Value) ?? throw Error(e.Value, $"on-check-failure for check \"{e.Key}\" cannot be empty"),
            StringComparer.Ordinal);
    }

    private PebbleOverride? Override(YamlNode node) => Str(node) switch
    {
        null => null,
        var text => PebbleYamlValues.TryParseOverride(text, out var value)
            ? value
            : throw Error(node, $"invalid override \"{text}\" (expected merge or replace)"),
    };

    private PebbleServiceAction? Action(YamlNode node) => Str(node) switch
    {
        null or "" => null,
        var text => PebbleYamlValues.TryParseAction(text, out var value)
            ? value
            : throw Error(node, $"invalid action \"{text}\" (expected restart, shutdown, failure-shutdown, success-shutdown or ignore)"),
    };

    private ServiceStartup? Startup(YamlNode node) => Str(node) switch
    {
        null or "" => null,
        "enabled" => ServiceStartup.Enabled,
        "disabled" => ServiceStartup.Disabled,
        var text when strict => throw Error(node, $"invalid startup \"{text}\" (expected enabled or disabled)"),
        var text => new ServiceStartup(text),
    };

    private CheckStartup? CheckStartupValue(YamlNode node) => Str(node) switch
    {
        null or "" => null,
        "enabled" => CheckStartup.Enabled,
        "disabled" => CheckStartup.Disabled,
        var text when strict => throw Error(node, $"invalid startup \"{text}\" (expected enabled or disabled)"),
        var text => new CheckStartup(text),
    };

    private CheckLevel? Level(YamlNode node) => Str(node) switch
    {
        null or "" => null,
        "alive" => CheckLevel.Alive,
        "ready" => CheckLevel.Ready,
        var text when strict => throw Error(node, $"invalid level \"{text}\" (expected alive or ready)"),
        var text => new CheckLevel(text),
    };

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    private FormatException Error(YamlNode node, string problem) =>
        new($"{document} YAML line {node.Start.Line}, column {node.Start.Column}: {problem}");

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map) =>
        map.Children.Select(kv => (kv.Key is YamlScalarNode { Value: { } key } ? key : string.Empty, kv.Value));

    // Where to report a problem with a key's entry: the key itself.
    private static YamlNode KeyOf(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } text } && text == key) ?? map;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
