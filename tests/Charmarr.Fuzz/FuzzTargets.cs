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
        foreach (var t in RelationDataTargets.All())
        {
            yield return t;
        }

        foreach (var t in HookToolTarget.All())
        {
            yield return t;
        }

        foreach (var t in MetadataTarget.All())
        {
            yield return t;
        }

        yield return new PebbleLayerTarget();
        yield return new PebblePlanTarget();
        yield return new PreferencesTarget();
        foreach (var t in PlexBodyTarget.All())
        {
            yield return t;
        }

        yield return new PebbleSocketTarget();
        yield return new PlexTvExchangeTarget();
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
