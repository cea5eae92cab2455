using System.Text.Json.Nodes;
using Charmarr.Ops.Context;

namespace Charmarr.Ops.Testing.Juju.HookTools;

internal sealed partial class MemoryHookTools
{
    /// <summary>The tools Juju 4.0 removed: present on Juju 3.x, unknown commands from 4.0.</summary>
    public static IReadOnlyList<string> RemovedInJuju4 { get; } = ["leader-get", "leader-set"];

    /// <summary>The tools a unit agent of Juju <paramref name="juju"/> offers among those answered here.</summary>
    public static IReadOnlyList<string> NamesFor(JujuVersion juju) =>
        juju.HasLeaderSettings ? Names : [.. Names.Where(n => !RemovedInJuju4.Contains(n))];

    // leader-get [--format] [<key>|-]: the whole map, one value, or null for a missing key.
    private string LeaderGet(FlagSet flags, IReadOnlyList<string> args) =>
        Output(flags, args, f => f.Count <= 1 ? f : throw HookToolException.UnrecognizedArgs(f.Skip(1)), f =>
        {
            var settings = backend.LeaderSettings;
            if (f.Count == 0 || f[0] == "-")
            {
                return StringMap(settings);
            }

            return f[0].Contains('=', StringComparison.Ordinal)
                ? throw HookToolException.Usage($"invalid key {HookToolException.GoQuote(f[0])}")
                : settings.TryGetValue(f[0], out var value) ? JsonValue.Create(value) : null;
        });

    // leader-set key=value ...: the leader only; an empty value deletes.
    private string LeaderSet(FlagSet flags, IReadOnlyList<string> args)
    {
        var pairs = flags.Parse(args);
        var settings = Settings(null, () => "", pairs);
        if (!backend.IsLeader())
        {
            throw HookToolException.Failure("cannot write leadership settings: cannot write settings: not the leader");
        }

        foreach (var (key, value) in settings)
        {
            if (value.Length == 0)
            {
                backend.LeaderSettings.Remove(key);
            }
            else
            {
                backend.LeaderSettings[key] = value;
            }
        }

        return "";
    }
}
