using System.Globalization;
using Charmarr.Ops.Testing.Pebble.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>
/// Parses a layer's YAML as Pebble does (yaml.v3 with KnownFields): unknown keys and mistyped values are collected
/// as <c>yaml: unmarshal errors</c>, bad durations fail at once, and each section's errors name the section.
/// </summary>
internal sealed class LayerParser
{
    private readonly string label;
    private readonly List<string> unmarshalErrors = [];
    private long lineOffset;

    private LayerParser(string label) => this.label = label;

    /// <summary>Parses and validates one layer; errors carry Pebble's text without the API's prefix.</summary>
    public static PlanLayer Parse(string label, string yaml)
    {
        var layer = new LayerParser(label).ParseDocument(yaml);
        LayerValidator.ValidateLayer(layer);
        return layer;
    }

    private PlanLayer ParseDocument(string yaml)
    {
        var layer = new PlanLayer { Label = label };
        YamlStream stream;
        try
        {
            // Depth-limited: a deeply nested document would otherwise overflow the stack while the tree is built.
            stream = Charmarr.Ops.Metadata.YamlDepthLimit.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new LayerException($"cannot parse layer {GoText.Quote(label)}: yaml: {GoYamlError(e, yaml)}");
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return layer;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LayerException($"cannot parse layer {GoText.Quote(label)}: yaml: unmarshal errors:\n  "
                + TypeError(stream.Documents[0].RootNode, "map[string]yaml.Node"));
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : throw new LayerException(
                $"cannot parse layer {GoText.Quote(label)}: yaml: unmarshal errors:\n  line {keyNode.Start.Line}: a mapping key must be a string");

            // Pebble decodes each section from its own node, re-encoded: yaml.v3 numbers its lines from the section's
            // first line.
            lineOffset = value.Start.Line - 1;
            switch (key)
            {
                case "summary":
                    layer.Summary = Section(key, () => String(value));
                    break;
                case "description":
                    layer.Description = Section(key, () => String(value));
                    break;
                case "services":
                    Section(key, () => ReadItems(value, "plan.Service", layer.Services, layer.NullServices, ReadService));
                    break;
                case "checks":
                    Section(key, () => ReadItems(value, "plan.Check", layer.Checks, layer.NullChecks, ReadCheck));
                    break;
                case "log-targets":
                    Section(key, () => ReadItems(value, "plan.LogTarget", layer.LogTargets, layer.NullLogTargets, ReadLogTarget));
                    break;
                default:
                    throw new LayerException($"cannot parse layer {GoText.Quote(label)}: unknown section {GoText.Quote(key)}");
            }
        }

        lineOffset = 0;
        return layer;
    }

    // yaml.v3's parser error: the problem without libyaml's context, on the context's line (0-based) for a parser
    // error and on the next line for a scanner error, as yaml.v3's parser.fail reports it. YamlDotNet words a few
    // problems differently and reports the problem's position only; those are mapped back to libyaml's.
    private static string GoYamlError(YamlException error, string yaml)
    {
        var message = error.Message;
        var parser = message.StartsWith("While parsing", StringComparison.Ordinal);
        var comma = message.IndexOf(", ", StringComparison.Ordinal);
        if (message.StartsWith("While ", StringComparison.Ordinal) && comma > 0)
        {
            message = message[(comma + 2)..];
        }

        message = message.TrimEnd('.');
        var lines = yaml.Split('\n');
        var line = parser ? error.Start.Line - 1 : error.Start.Line;
        if (message.Contains("invalid tab as indentation", StringComparison.Ordinal))
        {
            // libyaml stops at the tab itself.
            message = "found character that cannot start any token";
            line = Enumerable.Range((int)error.Start.Line, Math.Max(0, lines.Length - (int)error.Start.Line))
                .FirstOrDefault(i => lines[i].TrimStart(' ').StartsWith('\t'), (int)error.Start.Line - 1) + 1;
        }
        else if (message.Equals("found invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            message = "mapping values are not allowed in this context";
        }
        else
        {
            message = message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
            if (parser && message == "did not find expected key" && error.Start.Line - 1 < lines.Length)
            {
                line = BlockMappingStart(lines, (int)error.Start.Line - 1);
            }
        }

        return line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}") : message;
    }

    // The 0-based line where the block mapping starts that a mis-indented line (0-based) falls into: the mapping
    // whose keys are indented the most, but less than that line.
    private static int BlockMappingStart(string[] lines, int problem)
    {
        static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
        static bool Blank(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');
        var indent = Indent(lines[problem]);
        var keys = -1;
        var start = problem;
        for (var i = problem - 1; i >= 0; i--)
        {
            if (Blank(lines[i]))
            {
                continue;
            }

            var at = Indent(lines[i]);
            if (keys < 0 && at < indent)
            {
                keys = at;
            }

            if (keys >= 0)
            {
                if (at < keys)
                {
                    break;
                }

                if (at == keys)
                {
                    start = i;
                }
            }
        }

        return start;
    }

    private T Section<T>(string section, Func<T> read)
    {
        unmarshalErrors.Clear();
        T result;
        try
        {
            result = read();
        }
        catch (DecodeFailure failure)
        {
            throw new LayerException(SectionPrefix(section) + failure.Message);
        }

        if (unmarshalErrors.Count > 0)
        {
            throw new LayerException(SectionPrefix(section) + "yaml: unmarshal errors:\n  " + string.Join("\n  ", unmarshalErrors));
        }

        return result;
    }

    private string SectionPrefix(string section) =>
        $"cannot parse layer {GoText.Quote(label)} section {GoText.Quote(section)}: ";

    private bool ReadItems<T>(
        YamlNode node, string goType, SortedDictionary<string, T> into, List<string> nulls, Func<string, YamlMappingNode, T> read)
        where T : class
    {
        if (IsNull(node))
        {
            return true;
        }

        if (node is not YamlMappingNode map)
        {
            unmarshalErrors.Add(TypeError(node, $"map[string]*{goType}"));
            return false;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var name = ScalarText(keyNode);
            if (IsNull(value))
            {
                nulls.Add(name);
                continue;
            }

            if (value is not YamlMappingNode fields)
            {
                unmarshalErrors.Add(TypeError(value, goType));
                continue;
            }

            into[name] = read(name, fields);
        }

        return true;
    }

    private ServiceConfig ReadService(string name, YamlMappingNode fields)
    {
        var service = new ServiceConfig { Name = name };
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "summary": service.Summary = String(value); break;
                case "description": service.Description = String(value); break;
                case "startup": service.Startup = String(value); break;
                case "override": service.Override = String(value); break;
                case "command": service.Command = String(value); break;
                case "after": service.After = StringList(value); break;
                case "before": service.Before = StringList(value); break;
                case "requires": service.Requires = StringList(value); break;
                case "workload": service.Workload = String(value); break;
                case "environment": service.Environment = StringMap(value); break;
                case "user-id": service.UserId = Int(value); break;
                case "user": service.User = String(value); break;
                case "group-id": service.GroupId = Int(value); break;
                case "group": service.Group = String(value); break;
                case "working-dir": service.WorkingDir = String(value); break;
                case "on-success": service.OnSuccess = String(value); break;
                case "on-failure": service.OnFailure = String(value); break;
                case "on-check-failure": service.OnCheckFailure = StringMap(value); break;
                case "backoff-delay": service.BackoffDelay = Duration(value); break;
                case "backoff-factor": service.BackoffFactor = Float(value); break;
                case "backoff-limit": service.BackoffLimit = Duration(value); break;
                case "kill-delay": service.KillDelay = Duration(value); break;
                default: UnknownField(value, key, "plan.Service"); break;
            }
        }

        return service;
    }

    private CheckConfig ReadCheck(string name, YamlMappingNode fields)
    {
        var check = new CheckConfig { Name = name };
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "override": check.Override = String(value); break;
                case "level": check.Level = String(value); break;
                case "startup": check.Startup = String(value); break;
                case "period": check.Period = Duration(value); break;
                case "timeout": check.Timeout = Duration(value); break;
                case "threshold": check.Threshold = Int(value) ?? 0; break;
                case "http": check.Http = SubObject(value, "plan.HTTPCheck", ReadHttp); break;
                case "tcp": check.Tcp = SubObject(value, "plan.TCPCheck", ReadTcp); break;
                case "exec": check.Exec = SubObject(value, "plan.ExecCheck", ReadExec); break;
                default: UnknownField(value, key, "plan.Check"); break;
            }
        }

        return check;
    }

    private HttpCheckConfig ReadHttp(YamlMappingNode fields)
    {
        var http = new HttpCheckConfig();
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "url": http.Url = String(value); break;
                case "headers": http.Headers = StringMap(value); break;
                default: UnknownField(value, key, "plan.HTTPCheck"); break;
            }
        }

        return http;
    }

    private TcpCheckConfig ReadTcp(YamlMappingNode fields)
    {
        var tcp = new TcpCheckConfig();
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "port": tcp.Port = Int(value) ?? 0; break;
                case "host": tcp.Host = String(value); break;
                default: UnknownField(value, key, "plan.TCPCheck"); break;
            }
        }

        return tcp;
    }

    private ExecCheckConfig ReadExec(YamlMappingNode fields)
    {
        var exec = new ExecCheckConfig();
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "command": exec.Command = String(value); break;
                case "service-context": exec.ServiceContext = String(value); break;
                case "environment": exec.Environment = StringMap(value); break;
                case "user-id": exec.UserId = Int(value); break;
                case "user": exec.User = String(value); break;
                case "group-id": exec.GroupId = Int(value); break;
                case "group": exec.Group = String(value); break;
                case "working-dir": exec.WorkingDir = String(value); break;
                default: UnknownField(value, key, "plan.ExecCheck"); break;
            }
        }

        return exec;
    }

    private LogTargetConfig ReadLogTarget(string name, YamlMappingNode fields)
    {
        var target = new LogTargetConfig { Name = name };
        foreach (var (key, value) in Fields(fields))
        {
            switch (key)
            {
                case "type": target.Type = String(value); break;
                case "location": target.Location = String(value); break;
                case "services": target.Services = StringList(value); break;
                case "override": target.Override = String(value); break;
                case "labels": target.Labels = StringMap(value); break;
                default: UnknownField(value, key, "plan.LogTarget"); break;
            }
        }

        return target;
    }

    private T? SubObject<T>(YamlNode node, string goType, Func<YamlMappingNode, T> read)
        where T : class
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return read(map);
        }

        unmarshalErrors.Add(TypeError(node, goType));
        return null;
    }

    private static IEnumerable<(string Key, YamlNode Value)> Fields(YamlMappingNode map) =>
        map.Children.Select(kv => (ScalarText(kv.Key), kv.Value));

    private void UnknownField(YamlNode value, string key, string goType) =>
        unmarshalErrors.Add($"line {Line(value)}: field {key} not found in type {goType}");

    private string String(YamlNode node)
    {
        if (IsNull(node))
        {
            return "";
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        unmarshalErrors.Add(TypeError(node, "string"));
        return "";
    }

    private int? Int(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        unmarshalErrors.Add(TypeError(node, "int"));
        return null;
    }

    private static double? Float(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new DecodeFailure($"invalid floating-point number {GoText.Quote(ScalarText(node))}");
    }

    private static TimeSpan? Duration(YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw new DecodeFailure($"cannot unmarshal {Tag(node)} into duration");
        }

        if (IsNull(node))
        {
            return null;
        }

        return GoDuration.TryParse(scalar.Value ?? "", out var duration, out _)
            ? duration
            : throw new DecodeFailure($"invalid duration {GoText.Quote(scalar.Value ?? "")}");
    }

    private List<string> StringList(YamlNode node)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            unmarshalErrors.Add(TypeError(node, "[]string"));
            return [];
        }

        return sequence.Children.Select(String).ToList();
    }

    private SortedDictionary<string, string> StringMap(YamlNode node)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (IsNull(node))
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            unmarshalErrors.Add(TypeError(node, "map[string]string"));
            return map;
        }

        foreach (var (key, value) in mapping.Children)
        {
            map[ScalarText(key)] = String(value);
        }

        return map;
    }

    private static string ScalarText(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : "";

    private long Line(YamlNode node) => node.Start.Line - lineOffset;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private string TypeError(YamlNode node, string goType)
    {
        var shown = node is YamlScalarNode s ? $" `{s.Value}`" : "";
        return $"line {Line(node)}: cannot unmarshal {Tag(node)}{shown} into {goType}";
    }

    private static string Tag(YamlNode node) => node switch
    {
        YamlMappingNode => "!!map",
        YamlSequenceNode => "!!seq",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when long.TryParse(v, CultureInfo.InvariantCulture, out _) => "!!int",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" or "True" or "False" or "TRUE" or "FALSE" } => "!!bool",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when double.TryParse(v, CultureInfo.InvariantCulture, out _) => "!!float",
        _ => "!!str",
    };

    /// <summary>A custom unmarshaler's failure, which stops decoding at once (yaml.v3 <c>fail</c>).</summary>
    private sealed class DecodeFailure(string message) : Exception(message);
}
