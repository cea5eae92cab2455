using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Cli.Simulation;

/// <summary>
/// Every simulated container's <c>chown</c>: <c>chown [-R] UID:GID PATH…</c> with numeric ids changes the owners in the
/// simulated filesystem, as the real command would, so a charm that checks ownership before a recursive chown sees its
/// own work on the next event. Anything else fails as chown does. A scenario's <c>exec</c> step for <c>[chown]</c> replaces it.
/// </summary>
internal static class SimulatedChown
{
    public static ExecResult Run(PebbleSimulator container, ExecRequest request)
    {
        var arguments = request.Command.Skip(1).ToList();
        var recursive = arguments.RemoveAll(a => a is "-R" or "--recursive") > 0;
        if (arguments.Count < 2 || !TryParseOwner(arguments[0], out var uid, out var gid) || arguments.Any(a => a.StartsWith('-')))
        {
            return ExecResult.FromText(1, stderr: $"chown: the simulated container understands chown [-R] UID:GID PATH…, not: {string.Join(' ', request.Command)}\n");
        }

        foreach (var path in arguments.Skip(1))
        {
            try
            {
                container.ChangeOwner(path, uid, gid, recursive);
            }
            catch (SimulatedPebbleException e)
            {
                return ExecResult.FromText(1, stderr: $"chown: {e.Message}\n");
            }
        }

        return ExecResult.FromText(0);
    }

    private static bool TryParseOwner(string text, out int uid, out int gid)
    {
        gid = 0;
        var parts = text.Split(':');
        return int.TryParse(parts[0], out uid) && uid >= 0 && parts.Length == 2 && int.TryParse(parts[1], out gid) && gid >= 0;
    }
}
