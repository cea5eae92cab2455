namespace Charmarr.Ops.Pebble;

/// <summary>
/// Content equality for the layer records' lists and maps. An absent (null) collection equals an empty one: Pebble
/// omits empty lists and maps when it renders the plan, so a desired service with <c>After = []</c> must equal the
/// plan's service without <c>after</c>.
/// </summary>
internal static class LayerEquality
{
    public static bool Lists<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        (a ?? []).SequenceEqual(b ?? []);

    public static bool Maps<TValue>(IReadOnlyDictionary<string, TValue>? a, IReadOnlyDictionary<string, TValue>? b)
    {
        var left = a ?? new Dictionary<string, TValue>();
        var right = b ?? new Dictionary<string, TValue>();
        return left.Count == right.Count
            && left.All(kv => right.TryGetValue(kv.Key, out var other) && EqualityComparer<TValue>.Default.Equals(kv.Value, other));
    }

    /// <summary>A hash consistent with <see cref="Lists{T}"/> and <see cref="Maps{TValue}"/>: equal collections have equal counts.</summary>
    public static int Count<T>(IReadOnlyCollection<T>? collection) => collection?.Count ?? 0;
}
