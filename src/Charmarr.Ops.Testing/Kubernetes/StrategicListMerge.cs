using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// Merges a patch list into a list whose field merges (see <see cref="StrategicMergeSchema"/>), with the API server's
/// ordering: patch elements keep the patch's order, the original's other elements keep theirs, and the two are
/// interleaved by the original's order where both know an element (new elements go before the ones that follow them).
/// </summary>
internal static class StrategicListMerge
{
    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (both owned by the caller).</summary>
    /// <param name="original">The original list.</param>
    /// <param name="patch">The patch list.</param>
    /// <param name="mergeKey">The element key for lists of objects, <see langword="null"/> for primitive lists.</param>
    /// <param name="field">The field's name, for messages.</param>
    /// <returns>The merged list.</returns>
    public static JsonArray Merge(JsonArray original, JsonArray patch, string? mergeKey, string field)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }

        var originalItems = Take(original);
        var patchItems = Take(patch);
        var elementKind = ElementKind(originalItems.Concat(patchItems), field);
        List<JsonNode?> merged;
        Func<JsonNode?, JsonNode?> identity;
        if (elementKind != JsonValueKind.Object)
        {
            merged = Distinct(originalItems.Concat(patchItems));
            identity = item => item;
        }
        else
        {
            if (mergeKey is null)
            {
                throw PatchException.BadRequest($"cannot merge lists without merge key for {field}");
            }

            (originalItems, patchItems) = ApplySpecialElements(originalItems, patchItems, mergeKey);
            merged = MergeByKey(originalItems, patchItems, mergeKey);
            identity = item => KeyOf(item, mergeKey);
        }

        var fromPatch = merged.Where(item => IndexOf(patchItems, item, identity) >= 0).OrderBy(item => IndexOf(patchItems, item, identity)).ToList();
        var serverOnly = merged.Where(item => IndexOf(patchItems, item, identity) < 0).OrderBy(item => IndexOf(originalItems, item, identity)).ToList();
        return new JsonArray(Interleave(serverOnly, fromPatch, originalItems, identity).ToArray());
    }

    private static List<JsonNode?> Take(JsonArray list)
    {
        var items = list.ToList();
        list.Clear();
        return items;
    }

    private static JsonValueKind ElementKind(IEnumerable<JsonNode?> items, string field)
    {
        var kinds = items.Select(i => i?.GetValueKind() ?? JsonValueKind.Null).Select(k => k is JsonValueKind.True ? JsonValueKind.False : k).Distinct().ToList();
        return kinds.Count == 1 ? kinds[0] : throw PatchException.BadRequest($"list {field} has elements of mixed types");
    }

    /// <summary>Handles the <c>$patch</c> elements: <c>delete</c> drops the original's elements with that key, <c>replace</c> makes the rest of the patch the whole list.</summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) ApplySpecialElements(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var rest = new List<JsonNode?>();
        var replace = false;
        foreach (var element in patch.Cast<JsonObject>())
        {
            if (!element.TryGetPropertyValue(StrategicMergePatch.Directive, out var directive))
            {
                rest.Add(element);
                continue;
            }

            switch (directive is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
            {
                case "delete":
                    var key = element[mergeKey] ?? throw NoMergeKey(element, mergeKey);
                    original = original.Where(o => !JsonNode.DeepEquals(KeyOf(o, mergeKey, required: false), key)).ToList();
                    break;
                case "replace":
                    replace = true;
                    break;
                case "merge":
                    throw PatchException.BadRequest("merging lists cannot yet be specified in the patch");
                default:
                    throw PatchException.BadRequest($"unknown patch type: {directive?.ToJsonString()} in map: {element.ToJsonString()}");
            }
        }

        return replace ? (rest, []) : (original, rest);
    }

    /// <summary>Merges each patch element into the original element with the same key, or appends it (as it is) when there is none.</summary>
    private static List<JsonNode?> MergeByKey(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var element in patch.Cast<JsonObject>())
        {
            var key = element[mergeKey] ?? throw NoMergeKey(element, mergeKey);
            var index = merged.FindIndex(o => JsonNode.DeepEquals(KeyOf(o, mergeKey, required: false), key));
            if (index >= 0)
            {
                merged[index] = StrategicMergePatch.MergeMap(merged[index]!.AsObject(), element.DeepClone().AsObject());
            }
            else
            {
                merged.Add(element.DeepClone());
            }
        }

        return merged;
    }

    /// <summary>Inserts the server-only elements among the patch elements: each goes before the first patch element the original had after it.</summary>
    private static IEnumerable<JsonNode?> Interleave(List<JsonNode?> serverOnly, List<JsonNode?> fromPatch, List<JsonNode?> order, Func<JsonNode?, JsonNode?> identity)
    {
        int s = 0, p = 0;
        while (s < serverOnly.Count || p < fromPatch.Count)
        {
            if (p >= fromPatch.Count)
            {
                yield return serverOnly[s++];
            }
            else if (s >= serverOnly.Count)
            {
                yield return fromPatch[p++];
            }
            else
            {
                var left = IndexOf(order, serverOnly[s], identity);
                var right = IndexOf(order, fromPatch[p], identity);
                yield return left >= 0 && right >= 0 && left < right ? serverOnly[s++] : fromPatch[p++];
            }
        }
    }

    private static int IndexOf(List<JsonNode?> list, JsonNode? item, Func<JsonNode?, JsonNode?> identity)
    {
        var id = identity(item);
        return list.FindIndex(other => JsonNode.DeepEquals(identity(other), id));
    }

    private static List<JsonNode?> Distinct(IEnumerable<JsonNode?> items)
    {
        var result = new List<JsonNode?>();
        foreach (var item in items.Where(item => !result.Any(r => JsonNode.DeepEquals(r, item))))
        {
            result.Add(item);
        }

        return result;
    }

    private static JsonNode? KeyOf(JsonNode? item, string mergeKey, bool required = true) =>
        item is JsonObject map && map[mergeKey] is { } key ? key
        : required ? throw NoMergeKey(item, mergeKey)
        : null;

    private static PatchException NoMergeKey(JsonNode? element, string mergeKey) =>
        PatchException.BadRequest($"map: {element?.ToJsonString()} does not contain declared merge key: {mergeKey}");
}
