using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class IsLeaderTool : HookTool
{
    public override string Name => "is-leader";
    public override string Usage => "is-leader [--format]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags);

    protected override void Init(List<string> args, ToolContext context) => CheckMaxArgs(args, 0);

    protected override void Run(ToolContext context) => Write(context, JsonValue.Create(context.Model.IsLeader));
}

internal sealed class ConfigGetTool : HookTool
{
    private bool _all;
    private string? _key;

    public override string Name => "config-get";
    public override string Usage => "config-get [--format] [-o FILE] [-a|--all] [<key>]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        flags.Bool(v => _all = v, "a", "all");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        _key = args.Count > 0 ? args[0] : null;
        if (_key is not null && _all)
        {
            throw HookToolException.Usage($"cannot use argument --all together with key {HookToolException.GoQuote(_key)}");
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        var model = context.Model;
        var values = new JsonObject();
        foreach (var (key, value) in model.ConfigDefaults)
        {
            if (value is not null || _all)
            {
                values[key] = value?.DeepClone();
            }
        }
        foreach (var (key, value) in model.Config)
        {
            if (value is not null)
            {
                values[key] = value.DeepClone();
            }
        }
        if (_key is null)
        {
            Write(context, values);
            return;
        }
        Write(context, values.TryGetPropertyValue(_key, out var single) ? single?.DeepClone() : null);
    }
}

internal sealed class GoalStateTool : HookTool
{
    public override string Name => "goal-state";
    public override string Usage => "goal-state [--format yaml|json]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags, "yaml", "yaml", "json");

    protected override void Init(List<string> args, ToolContext context) => CheckMaxArgs(args, 0);

    protected override void Run(ToolContext context)
    {
        var model = context.Model;
        var units = new JsonObject();
        foreach (var unit in model.EffectiveAppUnits)
        {
            units[unit] = new JsonObject { ["status"] = "active" };
        }
        var relations = new JsonObject();
        foreach (var group in model.Relations.GroupBy(r => r.Endpoint))
        {
            var members = new JsonObject();
            foreach (var relation in group)
            {
                members[relation.RemoteApp] = new JsonObject { ["status"] = "joined" };
                foreach (var unit in relation.RemoteUnits)
                {
                    members[unit] = new JsonObject { ["status"] = "active" };
                }
            }
            relations[group.Key] = members;
        }
        Write(context, new JsonObject { ["units"] = units, ["relations"] = relations });
    }
}

internal sealed class NetworkGetTool : HookTool
{
    private readonly List<string> _selected = [];
    private string _binding = "";

    public override string Name => "network-get";
    public override string Usage => "network-get [--format] [-r ID] <binding> [--bind-address] [--ingress-address] [--egress-subnets] [--primary-address]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        AddRelationFlag(flags, context);
        foreach (var name in (string[])["bind-address", "ingress-address", "egress-subnets", "primary-address"])
        {
            flags.Bool(v => Select(name, v), name);
        }
    }

    private void Select(string name, bool on)
    {
        _selected.Remove(name);
        if (on)
        {
            _selected.Add(name);
        }
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("no arguments specified");
        }
        _binding = args[0];
        if (_binding.Length == 0)
        {
            throw HookToolException.Usage("no binding name specified");
        }
        if (_selected.Contains("primary-address") && _selected.Count > 1)
        {
            throw HookToolException.Usage("--primary-address must be the only flag specified");
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        var network = context.Model.Networks.GetValueOrDefault(_binding) ?? context.Model.DefaultNetwork
            ?? throw HookToolException.Failure($"no network config found for binding {HookToolException.GoQuote(_binding)}");
        if (_selected.Count == 0)
        {
            Write(context, Full(network));
            return;
        }
        if (_selected.Count == 1)
        {
            Write(context, Value(network, _selected[0]));
            return;
        }
        var map = new JsonObject();
        foreach (var name in _selected)
        {
            map[name] = Value(network, name);
        }
        Write(context, map);
    }

    private JsonNode? Value(FakeNetwork network, string name)
    {
        switch (name)
        {
            case "egress-subnets":
                return StringArray(network.EgressSubnets);
            case "ingress-address":
                return network.IngressAddresses.Count > 0 ? JsonValue.Create(network.IngressAddresses[0]) : throw NoAddresses();
            default:
                var first = network.BindAddresses.SelectMany(b => b.Addresses).FirstOrDefault() ?? throw NoAddresses();
                return JsonValue.Create(first.Value);
        }
    }

    private HookToolException NoAddresses() =>
        HookToolException.Failure($"no addresses attached to space for binding {HookToolException.GoQuote(_binding)}");

    private static JsonObject Full(FakeNetwork network)
    {
        var result = new JsonObject();
        if (network.BindAddresses.Count > 0)
        {
            result["bind-addresses"] = new JsonArray(network.BindAddresses.Select(b => (JsonNode?)new JsonObject
            {
                ["mac-address"] = b.MacAddress,
                ["interface-name"] = b.InterfaceName,
                ["addresses"] = new JsonArray(b.Addresses.Select(a => (JsonNode?)new JsonObject
                {
                    ["hostname"] = a.Hostname,
                    ["value"] = a.Value,
                    ["cidr"] = a.Cidr,
                }).ToArray()),
            }).ToArray());
        }
        if (network.EgressSubnets.Count > 0)
        {
            result["egress-subnets"] = StringArray(network.EgressSubnets);
        }
        if (network.IngressAddresses.Count > 0)
        {
            result["ingress-addresses"] = StringArray(network.IngressAddresses);
        }
        return result;
    }
}

internal sealed class ResourceGetTool : HookTool
{
    private string _name = "";

    public override string Name => "resource-get";
    public override string Usage => "resource-get <name>";

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("missing required resource name");
        }
        _name = args[0];
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context) =>
        context.Stdout.Append(context.Model.Resources.TryGetValue(_name, out var path)
            ? path
            : throw HookToolException.Failure($"could not download resource: resource {HookToolException.GoQuote(_name)} not found"));
}

internal sealed class JujuLogTool : HookTool
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
    private bool _debug;
    private string _level = "INFO";
    private string _message = "";

    public override string Name => "juju-log";
    public override string Usage => "juju-log [--debug] [-l|--log-level LEVEL] [--] <message ...>";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddDeprecatedFormat(flags, this);
        flags.Bool(v => _debug = v, "debug");
        flags.String(v => _level = v, "l", "log-level");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("no message specified");
        }
        _message = string.Join(" ", args);
    }

    protected override void Run(ToolContext context)
    {
        var level = _debug ? "DEBUG" : _level.ToUpperInvariant();
        level = level == "WARN" ? "WARNING" : Levels.Contains(level) ? level : "INFO";
        var prefix = context.HookRelation() is { } relation ? relation.FakeId + ": " : "";
        context.Model.Logs.Add(new LogLine(level, prefix + _message));
        context.ModelChanged = true;
    }
}

internal sealed class LeaderGetTool : HookTool
{
    private string? _key;

    public override string Name => "leader-get";
    public override string Usage => "leader-get [--format] [<key>|-]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags);

    protected override void Init(List<string> args, ToolContext context)
    {
        _key = args.Count > 0 && args[0] != "-" ? args[0] : null;
        if (_key is not null && _key.Contains('=', StringComparison.Ordinal))
        {
            throw HookToolException.Usage($"invalid key {HookToolException.GoQuote(_key)}");
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        var settings = context.Model.LeaderSettings;
        Write(context, _key is null ? StringMap(settings) : settings.TryGetValue(_key, out var value) ? JsonValue.Create(value) : null);
    }
}

internal sealed class LeaderSetTool : HookTool
{
    private Dictionary<string, string> _settings = [];

    public override string Name => "leader-set";
    public override string Usage => "leader-set key=value ...";

    protected override void Init(List<string> args, ToolContext context) =>
        _settings = KeyValues.Parse(args, allowEmptyValues: true);

    protected override void Run(ToolContext context)
    {
        context.RequireLeader("cannot write leadership settings: cannot write settings: not the leader");
        foreach (var (key, value) in _settings)
        {
            if (value.Length == 0)
            {
                context.Model.LeaderSettings.Remove(key);
            }
            else
            {
                context.Model.LeaderSettings[key] = value;
            }
        }
        context.ModelChanged = true;
    }
}
