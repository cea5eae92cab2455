using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Simulation;

/// <summary>
/// Checks a story against the charm's metadata before anything runs: every event is one Juju could send this charm,
/// and every relation endpoint, container, action and config option a step names exists. A mistake reads
/// <c>file:LINE: what is wrong</c>, with the closest valid name when there is one.
/// </summary>
internal static class ScenarioValidator
{
    private static readonly string[] CharmHooks =
    [
        "install", "start", "stop", "remove", "config-changed", "update-status", "upgrade-charm", "leader-elected",
        "leader-settings-changed", "pre-series-upgrade", "post-series-upgrade", "secret-changed", "secret-expired",
        "secret-remove", "secret-rotate", "collect-metrics",
    ];

    private static readonly string[] RelationHooks = ["created", "joined", "changed", "departed", "broken"];
    private static readonly string[] PebbleHooks = ["pebble-ready", "pebble-custom-notice", "pebble-check-failed", "pebble-check-recovered"];

    /// <summary>Every hook name Juju could run for a charm with <paramref name="metadata"/>.</summary>
    /// <param name="metadata">The charm's metadata.</param>
    /// <returns>The hook names.</returns>
    public static IReadOnlyList<string> Hooks(CharmMetadata metadata) =>
    [
        .. CharmHooks,
        .. metadata.Relations.Keys.SelectMany(r => RelationHooks.Select(h => $"{r}-relation-{h}")),
        .. metadata.Containers.Keys.SelectMany(c => PebbleHooks.Select(h => $"{c}-{h}")),
        .. metadata.Storage.Keys.SelectMany(s => new[] { $"{s}-storage-attached", $"{s}-storage-detaching" }),
    ];

    /// <summary>Throws on the first step naming what the charm does not have.</summary>
    /// <param name="scenario">The parsed story.</param>
    /// <param name="metadata">The charm's metadata.</param>
    /// <param name="fileName">The story's file name, for messages.</param>
    /// <exception cref="CliException">A step names an unknown event, endpoint, container, action or config option, or relates
    /// an endpoint twice.</exception>
    public static void Check(Scenario scenario, CharmMetadata metadata, string fileName)
    {
        var hooks = Hooks(metadata);
        foreach (var key in scenario.Config.Keys)
        {
            Known(fileName, scenario.ConfigLine, "config option", key, metadata.Config.Keys);
        }

        foreach (var standIn in scenario.StandIns)
        {
            Known(fileName, standIn.Line, "container", standIn.Container, metadata.Containers.Keys);
        }

        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in scenario.Steps)
        {
            switch (step)
            {
                case EventStep e:
                    Known(fileName, e.Line, "event", e.Hook, hooks);
                    if (e.Relation is not null)
                    {
                        Known(fileName, e.Line, "relation endpoint", e.Relation, metadata.Relations.Keys);
                    }

                    break;
                case RelateStep r:
                    Known(fileName, r.Line, "relation endpoint", r.Endpoint, metadata.Relations.Keys);
                    if (!related.Add(r.Endpoint))
                    {
                        throw SecondRelation(fileName, r.Line, r.Endpoint, metadata.Relations[r.Endpoint]);
                    }

                    break;
                case RemoteDataStep r:
                    Known(fileName, r.Line, "relation endpoint", r.Endpoint, metadata.Relations.Keys);
                    break;
                case PebbleStep p:
                    Known(fileName, p.Line, "container", p.Container, metadata.Containers.Keys);
                    break;
                case FileStep f:
                    Known(fileName, f.Line, "container", f.Container, metadata.Containers.Keys);
                    break;
                case CheckUpStep c:
                    Known(fileName, c.Line, "container", c.Container, metadata.Containers.Keys);
                    break;
                case NoticeStep n:
                    Known(fileName, n.Line, "container", n.Container, metadata.Containers.Keys);
                    break;
                case ExecStep x:
                    Known(fileName, x.Line, "container", x.Container, metadata.Containers.Keys);
                    break;
                case ActionStep a:
                    Known(fileName, a.Line, "action", a.Name, metadata.Actions.Keys);
                    break;
                case CosStep cos:
                    var endpoint = CosStandIn.Resolve(cos, metadata, fileName).Endpoint;
                    if (!related.Add(endpoint))
                    {
                        throw SecondRelation(fileName, cos.Line, endpoint, metadata.Relations[endpoint]);
                    }

                    break;
                case ConfigStep c:
                    foreach (var key in c.Values.Keys)
                    {
                        Known(fileName, c.Line, "config option", key, metadata.Config.Keys);
                    }

                    break;
            }
        }
    }

    // Juju refuses a relation beyond the endpoint's limit; below it, a story still plays one relation per endpoint.
    private static CliException SecondRelation(string fileName, long line, string name, RelationMeta endpoint) =>
        new(endpoint.Limit == 1 && endpoint.Role != RelationRole.Peer
            ? $"{fileName}:{line}: Juju would refuse this relation: '{name}' has limit 1 and is related already (juju integrate: quota limit exceeded)"
            : $"{fileName}:{line}: '{name}' is related already; a story plays one relation per endpoint");

    private static void Known(string fileName, long line, string what, string name, IEnumerable<string> known)
    {
        var names = known.ToList();
        if (names.Contains(name, StringComparer.Ordinal))
        {
            return;
        }

        var closest = names.Select(n => (Name: n, Distance: Distance(name, n))).Where(c => c.Distance <= Math.Max(2, name.Length / 4)).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault().Name;
        var hint = closest is not null
            ? $"; did you mean '{closest}'?"
            : names.Count == 0 ? $"; the charm has no {what}s" : names.Count <= 8 ? $"; the charm has: {string.Join(", ", names)}" : "";
        throw new CliException($"{fileName}:{line}: unknown {what} '{name}'{hint}");
    }

    // Levenshtein distance, for the "did you mean" hint.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
