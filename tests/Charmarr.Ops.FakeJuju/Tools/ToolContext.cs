using System.Text;
using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tools;

/// What one tool invocation sees: the hook environment, the committed model and the pending buffer.
internal sealed class ToolContext(
    IReadOnlyDictionary<string, string> environment,
    string workingDirectory,
    FakeModel model,
    PendingChanges pending,
    Func<string> readStdin)
{
    public FakeModel Model { get; } = model;
    public PendingChanges Pending { get; } = pending;
    public StringBuilder Stdout { get; } = new();
    public StringBuilder Stderr { get; } = new();
    public string? StdinRead { get; private set; }
    public bool ModelChanged { get; set; }
    public bool PendingChanged { get; set; }

    public string Env(string name) => environment.TryGetValue(name, out var value) ? value : "";

    public string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path);

    public string ReadStdin() => StdinRead ??= readStdin();

    /// `--file PATH|-` as relation-set and state-set read it.
    public string ReadFileArgument(string path) => path == "-" ? ReadStdin() : File.ReadAllText(ResolvePath(path));

    public FakeAction RequireAction()
    {
        if (Env("JUJU_ACTION_NAME").Length == 0 || Model.Action is null)
        {
            throw HookToolException.Failure("not running an action");
        }
        return Model.Action;
    }

    public void RequireLeader(string message)
    {
        if (!Model.IsLeader)
        {
            throw HookToolException.Failure(message);
        }
    }

    /// `-r` value: `N` or `endpoint:N`; everything up to the last ':' is ignored, as in Juju.
    public FakeRelation ParseRelationId(string value)
    {
        var colon = value.LastIndexOf(':');
        var number = colon < 0 ? value : value[(colon + 1)..];
        if (!int.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            throw new FlagValueException("invalid relation id");
        }
        return Model.FindRelation(id) ?? throw new FlagValueException("relation not found");
    }

    /// The relation of a relation hook (JUJU_RELATION_ID), if any.
    public FakeRelation? HookRelation()
    {
        var value = Env("JUJU_RELATION_ID");
        if (value.Length == 0)
        {
            return null;
        }
        try
        {
            return ParseRelationId(value);
        }
        catch (FlagValueException)
        {
            return null;
        }
    }
}
