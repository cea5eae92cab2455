using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Juju.HookTools;

internal sealed partial class MemoryHookTools
{
    private string RelationIds(FlagSet flags, IReadOnlyList<string> args) => Output(
        flags,
        args,
        f => f.Count == 1 ? f : f.Count == 0 ? throw HookToolException.Usage("no endpoint name specified") : throw HookToolException.UnrecognizedArgs(f.Skip(1)),
        f => Strings(backend.GetRelationIds(f[0]).Select(id => string.Create(CultureInfo.InvariantCulture, $"{f[0]}:{id}"))));

    private string RelationList(FlagSet flags, IReadOnlyList<string> args)
    {
        var relation = RelationFlag(flags);
        var app = false;
        flags.Bool(v => app = v, "app");
        return Output(flags, args, f => f.Count == 0 ? f : throw HookToolException.UnrecognizedArgs(f), () =>
        {
            var (endpoint, id) = relation.Require();
            return app ? JsonValue.Create(backend.GetRelationRemoteApp(endpoint, id) ?? "") : Strings(backend.GetRelationUnits(endpoint, id));
        });
    }

    private string RelationGet(FlagSet flags, IReadOnlyList<string> args)
    {
        var relation = RelationFlag(flags);
        var app = false;
        flags.Bool(v => app = v, "app");
        return Output(flags, args, f => f, f =>
        {
            var (endpoint, id) = relation.Require();
            var owner = f.Count > 1 ? f[1] : app ? Env("JUJU_REMOTE_APP") : Env("JUJU_REMOTE_UNIT");
            if (owner.Length == 0)
            {
                throw HookToolException.Usage(app ? "no application specified" : "no unit or application specified");
            }

            var data = StringMap(backend.GetRelationData(endpoint, id, owner, app));
            return Pick(data, f.Count > 1 ? f[..1] : f, 1);
        });
    }

    private string RelationSet(FlagSet flags, IReadOnlyList<string> args, Func<string> readStdin, ref string stderr)
    {
        var relation = RelationFlag(flags);
        var app = false;
        string? file = null;
        var format = "";
        flags.Bool(v => app = v, "app");
        flags.String(v => file = v, "file");
        flags.String(v => format = v, "format");
        var pairs = flags.Parse(args);
        var settings = Settings(file, readStdin, pairs);
        var (endpoint, id) = relation.Require();
        if (format.Length > 0)
        {
            stderr = "--format flag deprecated for command \"relation-set\"";
        }

        backend.SetRelationData(endpoint, id, settings, app);
        return "";
    }

    // -r N or -r endpoint:N (everything up to the last ':' ignored, as in Juju); defaults to the hook's relation.
    private RelationChoice RelationFlag(FlagSet flags)
    {
        var choice = new RelationChoice(backend);
        if (Env("JUJU_RELATION_ID") is { Length: > 0 } hookRelation)
        {
            try
            {
                choice.Set(hookRelation);
            }
            catch (FlagValueException)
            {
                // A relation that has gone is simply not the default.
            }
        }

        flags.String(choice.Set, "r", "relation");
        return choice;
    }

    private sealed class RelationChoice(MemoryJujuBackend backend)
    {
        private (string Endpoint, int Id)? chosen;

        public void Set(string value)
        {
            var colon = value.LastIndexOf(':');
            if (!int.TryParse(colon < 0 ? value : value[(colon + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                throw new FlagValueException("invalid relation id");
            }

            chosen = backend.EndpointOf(id) is { } endpoint ? (endpoint, id) : throw new FlagValueException("relation not found");
        }

        public (string Endpoint, int Id) Require() => chosen ?? throw HookToolException.Usage("no relation id specified");

        /// <summary>The relation given with -r or the hook's own, if any.</summary>
        public int? OptionalId => chosen?.Id;
    }
}
