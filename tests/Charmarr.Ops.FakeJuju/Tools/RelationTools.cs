using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Output;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class RelationIdsTool : HookTool
{
    private string _endpoint = "";

    public override string Name => "relation-ids";
    public override string Usage => "relation-ids [--format] [<endpoint>]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags);

    protected override void Init(List<string> args, ToolContext context)
    {
        _endpoint = args.Count > 0 ? args[0] : context.Env("JUJU_RELATION");
        if (_endpoint.Length == 0)
        {
            throw HookToolException.Usage("no endpoint name specified");
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context) => Write(context, StringArray(
        context.Model.Relations.Where(r => r.Endpoint == _endpoint).Select(r => r.FakeId).Order(StringComparer.Ordinal)));
}

internal sealed class RelationListTool : HookTool
{
    private bool _app;

    public override string Name => "relation-list";
    public override string Usage => "relation-list [--format] [-r ID] [--app]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        AddRelationFlag(flags, context);
        flags.Bool(v => _app = v, "app");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        RequireRelation();
        CheckMaxArgs(args, 0);
    }

    protected override void Run(ToolContext context)
    {
        var relation = RequireRelation();
        Write(context, _app ? JsonValue.Create(relation.RemoteApp) : StringArray(relation.RemoteUnits.Order(StringComparer.Ordinal)));
    }
}

internal sealed class RelationGetTool : HookTool
{
    private bool _app;
    private string? _key;
    private string _target = "";

    public override string Name => "relation-get";
    public override string Usage => "relation-get [--format] [-r ID] [--app] [<key>|-] [<unit-or-app>]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        AddRelationFlag(flags, context);
        flags.Bool(v => _app = v, "app");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        var relation = RequireRelation();
        _key = args.Count > 0 && args[0] != "-" ? args[0] : null;
        if (args.Count > 1)
        {
            _target = args[1];
        }
        else if (_app)
        {
            _target = context.Env("JUJU_REMOTE_APP") is { Length: > 0 } app ? app : relation.RemoteApp;
        }
        else if (context.Env("JUJU_REMOTE_UNIT") is { Length: > 0 } unit)
        {
            _target = unit;
        }
        else if (context.Env("JUJU_REMOTE_APP") is { Length: > 0 } remoteApp)
        {
            _target = remoteApp;
            _app = true;
        }
        if (_target.Length == 0)
        {
            throw HookToolException.Usage("no unit or application specified");
        }
        CheckMaxArgs(args, 2);
        if (_app)
        {
            if (Names.IsValidUnit(_target))
            {
                _target = _target.Split('/')[0];
            }
            else if (!Names.IsValidApplication(_target))
            {
                throw HookToolException.Usage($"invalid application name {HookToolException.GoQuote(_target)}");
            }
        }
        else if (!Names.IsValidUnit(_target))
        {
            throw HookToolException.Usage(Names.IsValidApplication(_target)
                ? $"expected unit name, got application name {HookToolException.GoQuote(_target)}"
                : $"invalid unit name {HookToolException.GoQuote(_target)}");
        }
    }

    protected override void Run(ToolContext context)
    {
        var bag = ReadBag(context, RequireRelation());
        Write(context, _key is null ? StringMap(bag) : bag.TryGetValue(_key, out var value) ? JsonValue.Create(value) : null);
    }

    private Dictionary<string, string> ReadBag(ToolContext context, FakeRelation relation)
    {
        var model = context.Model;
        var notFound = HookToolException.Failure(
            $"cannot read settings for {(_app ? "application" : "unit")} {HookToolException.GoQuote(_target)} in relation {HookToolException.GoQuote(relation.FakeId)}: settings not found");
        if (_app)
        {
            if (_target == model.AppName)
            {
                if (!relation.IsPeer && !model.IsLeader)
                {
                    throw HookToolException.Failure("permission denied");
                }
                return context.Pending.AppBag(relation);
            }
            return _target == relation.RemoteApp ? relation.RemoteAppData : throw notFound;
        }
        if (_target == model.UnitName)
        {
            return context.Pending.UnitBag(relation);
        }
        return relation.RemoteUnitData.TryGetValue(_target, out var data) ? data : throw notFound;
    }
}

internal sealed class RelationSetTool : HookTool
{
    private bool _app;
    private string? _file;
    private Dictionary<string, string> _settings = [];

    public override string Name => "relation-set";
    public override string Usage => "relation-set [-r ID] [--app] [--file PATH|-] [key=value ...]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddRelationFlag(flags, context);
        AddDeprecatedFormat(flags, this);
        flags.Bool(v => _app = v, "app");
        flags.String(v => _file = v, "file");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        RequireRelation();
        _settings = KeyValues.Parse(args, allowEmptyValues: true);
    }

    protected override void Run(ToolContext context)
    {
        var relation = RequireRelation();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_file is not null)
        {
            settings = ReadSettingsFile(context, _file, "relation");
        }
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        if (_app && !context.Model.IsLeader)
        {
            throw HookToolException.Failure("cannot write relation settings");
        }
        if (settings.Count == 0)
        {
            return;
        }
        var buffer = _app ? context.Pending.AppSettings : context.Pending.UnitSettings;
        if (!buffer.TryGetValue(relation.Id, out var changes))
        {
            buffer[relation.Id] = changes = [];
        }
        if (context.Model.Juju.EnforcesDataSizeLimits)
        {
            // Juju 4 refuses a bag over quota.MaxRelationSettingsSize; refused here at the relation-set that crosses it.
            var committed = _app ? relation.LocalAppData : relation.LocalUnitData;
            var after = new Dictionary<string, string>(committed, StringComparer.Ordinal);
            foreach (var (key, value) in changes.Concat(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.Length == 0 ? null : kv.Value))))
            {
                if (value is null)
                {
                    after.Remove(key);
                }
                else
                {
                    after[key] = value;
                }
            }
            var total = after.Sum(kv => (long)Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));
            if (total > Charmarr.Ops.Backend.JujuLimits.MaxRelationSettingsBytes)
            {
                throw HookToolException.Failure($"max allowed total size ({Charmarr.Ops.Backend.JujuLimits.MaxRelationSettingsBytes}): quota limit exceeded");
            }
        }
        foreach (var (key, value) in settings)
        {
            changes[key] = value.Length == 0 ? null : value;
        }
        context.PendingChanged = true;
    }

    internal static Dictionary<string, string> ReadSettingsFile(ToolContext context, string file, string what)
    {
        string text;
        try
        {
            text = context.ReadFileArgument(file);
        }
        catch (IOException e)
        {
            throw HookToolException.Failure($"cannot read {what} settings: {e.Message}");
        }
        try
        {
            return YamlText.ParseStringMap(text);
        }
        catch (FormatException e)
        {
            throw HookToolException.Failure(e.Message);
        }
    }
}

internal sealed class RelationModelGetTool : HookTool
{
    public override string Name => "relation-model-get";
    public override string Usage => "relation-model-get [--format] [-r ID]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        AddRelationFlag(flags, context);
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        RequireRelation();
        CheckMaxArgs(args, 0);
    }

    protected override void Run(ToolContext context) =>
        Write(context, new JsonObject { ["uuid"] = RequireRelation().RemoteModelUuid });
}

/// Juju's unit and application name rules (names.IsValidUnit / IsValidApplication).
internal static partial class Names
{
    public static bool IsValidApplication(string name) => ApplicationPattern().IsMatch(name);

    public static bool IsValidUnit(string name) => UnitPattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*$")]
    private static partial Regex ApplicationPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*/[0-9]+$")]
    private static partial Regex UnitPattern();
}
