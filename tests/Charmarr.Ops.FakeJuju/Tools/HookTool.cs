using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Output;

namespace Charmarr.Ops.FakeJuju.Tools;

/// One hook tool. Like juju/cmd: flags are parsed, then Init validates positionals (exit 2),
/// then Run does the work (exit 1 on failure). Nothing may change state before Run.
internal abstract class HookTool
{
    private string _deprecatedFormat = "";
    private FakeRelation? _relation;
    private bool _relationFlagDefined;

    public abstract string Name { get; }
    public abstract string Usage { get; }
    protected OutputOptions? Output { get; private set; }
    protected FakeRelation? Relation => _relation;

    public void Execute(IReadOnlyList<string> args, ToolContext context)
    {
        var flags = new FlagSet();
        DefineFlags(flags, context);
        var positionals = flags.Parse(args);
        Init(positionals, context);
        if (_deprecatedFormat.Length > 0)
        {
            context.Stderr.Append($"--format flag deprecated for command {HookToolException.GoQuote(Name)}");
        }
        Run(context);
    }

    protected virtual void DefineFlags(FlagSet flags, ToolContext context)
    {
    }

    protected abstract void Init(List<string> args, ToolContext context);

    protected abstract void Run(ToolContext context);

    protected void AddOutput(FlagSet flags, string defaultFormat = "smart", params string[] formats) =>
        Output = new OutputOptions(flags, defaultFormat, formats);

    protected static void AddDeprecatedFormat(FlagSet flags, HookTool tool) =>
        flags.String(v => tool._deprecatedFormat = v, "format");

    /// `-r/--relation`, defaulting to the hook's relation.
    protected void AddRelationFlag(FlagSet flags, ToolContext context)
    {
        _relationFlagDefined = true;
        _relation = context.HookRelation();
        flags.String(v => _relation = context.ParseRelationId(v), "r", "relation");
    }

    protected FakeRelation RequireRelation()
    {
        if (!_relationFlagDefined || _relation is null)
        {
            throw HookToolException.Usage("no relation id specified");
        }
        return _relation;
    }

    protected void Write(ToolContext context, JsonNode? value) => Output!.Write(context, value);

    protected static void CheckMaxArgs(List<string> args, int max)
    {
        if (args.Count > max)
        {
            throw HookToolException.UnrecognizedArgs(args.Skip(max));
        }
    }

    protected static JsonObject StringMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            obj[key] = value;
        }
        return obj;
    }

    protected static JsonArray StringArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
}
