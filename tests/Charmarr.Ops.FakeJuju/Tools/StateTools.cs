using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class StateGetTool : HookTool
{
    private bool _strict;
    private string? _key;

    public override string Name => "state-get";
    public override string Usage => "state-get [--format] [--strict] [<key>|-]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        flags.Bool(v => _strict = v, "strict");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        _key = args.Count > 0 && args[0] != "-" ? args[0] : null;
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        var state = context.Pending.EffectiveState(context.Model);
        if (_key is null)
        {
            Write(context, state.Count == 0 ? null : StringMap(state));
            return;
        }
        if (state.TryGetValue(_key, out var value))
        {
            Write(context, JsonValue.Create(value));
            return;
        }
        if (_strict)
        {
            throw HookToolException.Failure($"{HookToolException.GoQuote(_key)} not found");
        }
        Write(context, JsonValue.Create(""));
    }
}

internal sealed class StateSetTool : HookTool
{
    private const int MaxKeyBytes = 256;
    private const int MaxValueBytes = 65536;
    private string? _file;
    private Dictionary<string, string> _settings = [];

    public override string Name => "state-set";
    public override string Usage => "state-set [--file PATH|-] key=value ...";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => flags.String(v => _file = v, "file");

    protected override void Init(List<string> args, ToolContext context) =>
        _settings = KeyValues.Parse(args, allowEmptyValues: true);

    protected override void Run(ToolContext context)
    {
        var settings = _file is null ? [] : RelationSetTool.ReadSettingsFile(context, _file, "state");
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
            {
                throw HookToolException.Failure($"max allowed key length ({MaxKeyBytes}) exceeded");
            }
            if (Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
            {
                throw HookToolException.Failure($"max allowed value length ({MaxValueBytes}) exceeded");
            }
        }
        foreach (var (key, value) in settings)
        {
            context.Pending.State[key] = value;
        }
        context.PendingChanged = settings.Count > 0;
    }
}

internal sealed class StateDeleteTool : HookTool
{
    private string? _key;

    public override string Name => "state-delete";
    public override string Usage => "state-delete <key>";

    protected override void Init(List<string> args, ToolContext context)
    {
        _key = args.Count > 0 ? args[0] : null;
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        if (_key is null)
        {
            return;
        }
        context.Pending.State[_key] = null;
        context.PendingChanged = true;
    }
}
