using Charmarr.Fuzz.Targets;

namespace Charmarr.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    /// <summary>The names of every target, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. CreateAll().Select(t => { var n = t.Name; (t as IDisposable)?.Dispose(); return n; })];

    /// <summary>Creates every target (socket targets start their servers: dispose them).</summary>
    /// <returns>The targets.</returns>
    public static IEnumerable<FuzzTarget> CreateAll()
    {
        // Each group is made on its own: a target that cannot be made (its server does not start, say) becomes a
        // BrokenTarget that fails its own runs with the reason, instead of taking every other target down with it.
        (string[] Names, Func<IEnumerable<FuzzTarget>> Make)[] groups =
        [
            (["relation-*"], RelationDataTargets.All),
            (["hook-tool-*"], HookToolTarget.All),
            (["metadata-*"], MetadataTarget.All),
            (["pebble-layer"], () => [new PebbleLayerTarget()]),
            (["pebble-plan"], () => [new PebblePlanTarget()]),
            (["plex-preferences"], () => [new PreferencesTarget()]),
            (["plex-tv-body", "plex-identity-body"], PlexBodyTarget.All),
            (["pebble-socket"], () => [new PebbleSocketTarget()]),
            (["plex-tv-exchange"], () => [new PlexTvExchangeTarget()]),
        ];
        foreach (var (names, make) in groups)
        {
            List<FuzzTarget> made;
            try
            {
                made = [.. make()];
            }
            catch (Exception e)
            {
                made = [.. names.Select(n => new BrokenTarget(n, e))];
            }

            foreach (var target in made)
            {
                yield return target;
            }
        }
    }

    /// <summary>Creates one target.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The target.</returns>
    public static FuzzTarget Create(string name)
    {
        FuzzTarget? found = null;
        foreach (var target in CreateAll())
        {
            if (found is null && target.Name == name)
            {
                found = target;
            }
            else
            {
                (target as IDisposable)?.Dispose();
            }
        }

        return found ?? throw new ArgumentException($"no fuzz target named '{name}'; known: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Inputs nested deep enough to exhaust a recursive parser's stack, per target (none for the rest).</summary>
    /// <param name="name">The target's name.</param>
    /// <returns>The input, or null.</returns>
    public static string? DeepInput(string name) => name switch
    {
        _ when name.StartsWith("relation-", StringComparison.Ordinal) || name.StartsWith("hook-tool-", StringComparison.Ordinal) && !name.Contains("-exit", StringComparison.Ordinal) =>
            Mutator.DeepNesting("[", "1", "]", 100_000),
        "pebble-layer" or "pebble-plan" or "metadata-charmcraft" or "metadata-packed" or "metadata-config" or "metadata-actions" =>
            "name: x\nservices: " + Mutator.DeepNesting("{a: ", "b", "}", 20_000) + "\n",
        "plex-preferences" or "plex-tv-body" or "plex-identity-body" => "<Preferences>" + Mutator.DeepNesting("<a>", "x", "</a>", 10_000) + "</Preferences>",
        _ => null,
    };
}
