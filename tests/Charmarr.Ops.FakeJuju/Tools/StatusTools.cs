using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class StatusGetTool : HookTool
{
    private bool _includeData;
    private bool _application;

    public override string Name => "status-get";
    public override string Usage => "status-get [--format] [--include-data] [--application]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        flags.Bool(v => _includeData = v, "include-data");
        flags.Bool(v => _application = v, "application");
    }

    protected override void Init(List<string> args, ToolContext context) => CheckMaxArgs(args, 0);

    protected override void Run(ToolContext context)
    {
        var model = context.Model;
        if (!_application)
        {
            Write(context, _includeData || Output!.FormatName != "smart" ? Details(model.UnitStatus) : JsonValue.Create(model.UnitStatus.Status));
            return;
        }
        context.RequireLeader("finding application status: this unit is not the leader");
        var details = Details(model.AppStatus);
        var units = new JsonObject();
        foreach (var unit in model.EffectiveAppUnits)
        {
            units[unit] = Details(unit == model.UnitName ? model.UnitStatus : new FakeStatus());
        }
        details["units"] = units;
        Write(context, new JsonObject { ["application-status"] = details });
    }

    private JsonObject Details(FakeStatus status)
    {
        var details = new JsonObject { ["status"] = status.Status };
        if (_includeData)
        {
            details["message"] = status.Message;
            details["status-data"] = new JsonObject();
        }
        return details;
    }
}

internal sealed class StatusSetTool : HookTool
{
    private static readonly string[] Allowed = ["maintenance", "blocked", "waiting", "active"];
    private bool _application;
    private string _status = "";
    private string _message = "";

    public override string Name => "status-set";
    public override string Usage => "status-set [--application] <maintenance|blocked|waiting|active> [<message>]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) =>
        flags.Bool(v => _application = v, "application");

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count < 1)
        {
            throw HookToolException.Usage("invalid args, require <status> [message]");
        }
        _status = args[0];
        if (!Allowed.Contains(_status))
        {
            throw HookToolException.Usage($"invalid status {HookToolException.GoQuote(_status)}, expected one of [{string.Join(" ", Allowed)}]");
        }
        _message = args.Count > 1 ? args[1] : "";
        CheckMaxArgs(args, 2);
    }

    protected override void Run(ToolContext context)
    {
        var model = context.Model;
        if (_application)
        {
            context.RequireLeader("this unit is not the leader");
        }
        var target = _application ? model.AppStatus : model.UnitStatus;
        target.Status = _status;
        target.Message = _message;
        model.StatusHistory.Add(new StatusChange(_application ? model.AppName : model.UnitName, _status, _message));
        context.ModelChanged = true;
    }
}

internal sealed class ApplicationVersionSetTool : HookTool
{
    private string _version = "";

    public override string Name => "application-version-set";
    public override string Usage => "application-version-set <version>";

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("no version specified");
        }
        _version = args[0];
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        context.Model.WorkloadVersion = _version;
        context.ModelChanged = true;
    }
}
