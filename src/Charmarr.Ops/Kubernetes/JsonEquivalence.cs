using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Compares what the API server holds with what the charm wants, the way Kubernetes reads it: a missing member, a
/// <see langword="null"/>, <see langword="false"/> and <c>""</c> all mean "unset" (the server fills in such defaults,
/// e.g. a hostPath <c>type</c> of <c>""</c>), and numbers compare by value. Without this the helper would see a
/// difference on every hook and roll the pod each time.
/// </summary>
internal static class JsonEquivalence
{
    /// <summary>Whether two JSON values mean the same to Kubernetes.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equivalent.</returns>
    public static bool Equivalent(JsonNode? left, JsonNode? right)
    {
        if (IsUnset(left) && IsUnset(right))
        {
            return true;
        }

        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                return l.Select(p => p.Key).Union(r.Select(p => p.Key), StringComparer.Ordinal).All(key => Equivalent(l[key], r[key]));
            case (JsonArray l, JsonArray r):
                return l.Count == r.Count && l.Zip(r).All(pair => Equivalent(pair.First, pair.Second));
            case (JsonValue l, JsonValue r) when l.GetValueKind() == JsonValueKind.Number && r.GetValueKind() == JsonValueKind.Number:
                return decimal.TryParse(l.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                    && decimal.TryParse(r.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                    && a == b;
            case (JsonValue l, JsonValue r):
                return JsonNode.DeepEquals(l, r);
            default:
                return false;
        }
    }

    /// <summary>
    /// A strategic-merge element that turns <paramref name="existing"/> into <paramref name="desired"/>: the desired
    /// members, with <see langword="null"/> (delete) for every member only the existing element has.
    /// </summary>
    /// <param name="existing">The element the server holds.</param>
    /// <param name="desired">The element the charm wants.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject ReplacementPatch(JsonObject existing, JsonObject desired)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in desired)
        {
            patch[key] = existing[key] is JsonObject before && value is JsonObject after ? ReplacementPatch(before, after) : value?.DeepClone();
        }

        foreach (var (key, _) in existing)
        {
            if (!desired.ContainsKey(key))
            {
                patch[key] = null;
            }
        }

        return patch;
    }

    private static bool IsUnset(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.False => true,
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            _ => false,
        },
        _ => false,
    };
}
