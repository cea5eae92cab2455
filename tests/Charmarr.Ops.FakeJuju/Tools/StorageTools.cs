using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tools;

internal sealed class StorageListTool : HookTool
{
    private string? _name;

    public override string Name => "storage-list";
    public override string Usage => "storage-list [--format] [<storage-name>]";

    protected override void DefineFlags(FlagSet flags, ToolContext context) => AddOutput(flags);

    protected override void Init(List<string> args, ToolContext context)
    {
        _name = args.Count > 0 ? args[0] : null;
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context) => Write(context, StringArray(context.Model.Storage.Keys
        .Where(id => _name is null || id.Split('/')[0] == _name)
        .Order(StringComparer.Ordinal)));
}

internal sealed partial class StorageGetTool : HookTool
{
    private string? _storageId;
    private string? _key;

    public override string Name => "storage-get";
    public override string Usage => "storage-get [--format] [-s <storage-id>] [kind|location]";

    protected override void DefineFlags(FlagSet flags, ToolContext context)
    {
        AddOutput(flags);
        _storageId = context.Env("JUJU_STORAGE_ID") is { Length: > 0 } id ? id : null;
        flags.String(v => _storageId = ValidateId(context.Model, v), "s");
    }

    protected override void Init(List<string> args, ToolContext context)
    {
        if (_storageId is null)
        {
            throw HookToolException.Usage("no storage instance specified");
        }
        _key = args.Count > 0 ? args[0] : null;
        CheckMaxArgs(args, 1);
    }

    protected override void Run(ToolContext context)
    {
        if (!context.Model.Storage.TryGetValue(_storageId!, out var storage))
        {
            throw HookToolException.Failure($"storage instance {HookToolException.GoQuote(_storageId!)} not found");
        }
        var details = new JsonObject { ["kind"] = storage.Kind, ["location"] = storage.Location };
        if (_key is null)
        {
            Write(context, details);
            return;
        }
        Write(context, details.TryGetPropertyValue(_key, out var value)
            ? value!.DeepClone()
            : throw HookToolException.Failure($"invalid storage attribute {HookToolException.GoQuote(_key)}"));
    }

    private static string ValidateId(FakeModel model, string id)
    {
        if (!StorageIdPattern().IsMatch(id))
        {
            throw new FlagValueException($"invalid storage ID {HookToolException.GoQuote(id)}");
        }
        return model.Storage.ContainsKey(id) ? id : throw new FlagValueException($"storage instance {HookToolException.GoQuote(id)} not found");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*/[0-9]+$")]
    private static partial Regex StorageIdPattern();
}

internal sealed class StorageAddTool : HookTool
{
    private readonly List<StorageAddRequest> _requests = [];

    public override string Name => "storage-add";
    public override string Usage => "storage-add <name>[=<count>] ...";

    protected override void Init(List<string> args, ToolContext context)
    {
        if (args.Count == 0)
        {
            throw HookToolException.Usage("storage add requires a storage directive");
        }
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            var count = 1;
            if (eq >= 0 && (!int.TryParse(arg[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
            {
                throw HookToolException.Usage($"only count can be specified for {HookToolException.GoQuote(name)}");
            }
            _requests.Add(new StorageAddRequest(name, count));
        }
    }

    protected override void Run(ToolContext context)
    {
        context.Pending.StorageAdds.AddRange(_requests);
        context.PendingChanged = true;
    }
}
