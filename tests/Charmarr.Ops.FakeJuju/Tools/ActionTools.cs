using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class ActionGetTool : HookTool
{
    private string[] _path = [];

    public override string Name => "action-get";
    public override string Usage => "action-get [--format] [<key>[.<key>...]]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags);

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count > 0)
        {
            _path = args[0].Split('.');
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        JsonNode? node = context.RequireAction().Parameters;
        foreach (var segment in _path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }
        Write(context, node?.DeepClone());
    }
}

internal sealed partial class ActionSetTool : HookTool
{
    private static readonly string[] Reserved = ["stdout", "stdout-encoding", "stderr", "stderr-encoding"];
    private readonly List<(string[] Path, string Value)> _results = [];

    public override string Name => "action-set";
    public override string Usage => "action-set <key>[.<key>...]=<value> ...";

    protected override void Init(List<string> args, ToolContext context)
    {
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw HookToolException.Usage($"argument {HookToolException.GoQuote(arg)} must be of the form key...=value");
            }
            var path = arg[..eq].Split('.');
            foreach (var segment in path)
            {
                if (!SegmentPattern().IsMatch(segment))
                {
                    throw HookToolException.Usage($"key {HookToolException.GoQuote(segment)} must start and end with lowercase alphanumeric, and contain only lowercase alphanumeric, hyphens and periods");
                }
                if (Reserved.Contains(segment))
                {
                    throw HookToolException.Usage($"cannot set reserved action key {HookToolException.GoQuote(segment)}");
                }
            }
            _results.Add((path, arg[(eq + 1)..]));
        }
    }

    protected override void Run(ToolContext context)
    {
        var action = context.RequireAction();
        foreach (var (path, value) in _results)
        {
            var target = action.Results;
            foreach (var segment in path[..^1])
            {
                if (target[segment] is not JsonObject child)
                {
                    target[segment] = child = [];
                }
                target = child;
            }
            target[path[^1]] = value;
        }
        context.ModelChanged = _results.Count > 0;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex SegmentPattern();
}

internal sealed class ActionFailTool : HookTool
{
    private string _message = "action failed without reason given, check action for errors";

    public override string Name => "action-fail";
    public override string Usage => "action-fail [\"<message>\"]";

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count > 0)
        {
            _message = args[0];
        }
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        context.RequireAction().FailMessage = _message;
        context.ModelChanged = true;
    }
}

internal sealed class ActionLogTool : HookTool
{
    private string _message = "";

    public override string Name => "action-log";
    public override string Usage => "action-log <message ...>";

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
        context.RequireAction().Logs.Add(_message);
        context.ModelChanged = true;
    }
}
