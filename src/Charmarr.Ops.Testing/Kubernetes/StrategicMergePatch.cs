using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// Kubernetes strategic merge patch (<c>application/strategic-merge-patch+json</c>) as the API server applies it to a
/// StatefulSet: maps merge; lists of objects merge by their key (containers, volumes, env by <c>name</c>, mounts by
/// <c>mountPath</c>, ports by <c>containerPort</c>), other lists are replaced; <c>null</c> deletes a member;
/// <c>{"$patch": "delete"}</c> deletes a list element (by key) or empties a map; <c>{"$patch": "replace"}</c> replaces a
/// list or a map whole. The ordering directives <c>$setElementOrder</c>, <c>$retainKeys</c> and
/// <c>$deleteFromPrimitiveList</c> (sent by <c>kubectl apply</c>) are refused as unsupported.
/// </summary>
public static class StrategicMergePatch
{
    internal const string Directive = "$patch";

    /// <summary>Applies a patch to a document; neither is modified.</summary>
    /// <param name="document">The object, e.g. a StatefulSet.</param>
    /// <param name="patch">The patch.</param>
    /// <returns>The patched object.</returns>
    /// <exception cref="PatchException">The patch is malformed (400).</exception>
    public static JsonObject Apply(JsonObject document, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(patch);
        return MergeMap(document.DeepClone().AsObject(), patch.DeepClone().AsObject());
    }

    /// <summary>Applies a patch given as JSON text.</summary>
    /// <param name="document">The object.</param>
    /// <param name="patch">The patch, a JSON object.</param>
    /// <returns>The patched object.</returns>
    /// <exception cref="PatchException">The patch is not a JSON object, or is malformed (400).</exception>
    public static JsonObject Apply(JsonObject document, string patch) => Apply(document, ParseObject(patch));

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (both owned by the caller, and changed).</summary>
    internal static JsonObject MergeMap(JsonObject original, JsonObject patch)
    {
        if (patch.TryGetPropertyValue(Directive, out var directive))
        {
            return MapDirective(directive, patch);
        }

        foreach (var key in patch.Select(p => p.Key).ToList())
        {
            RejectUnsupported(key);
            var value = Detach(patch, key);
            if (value is null)
            {
                original.Remove(key);
                continue;
            }

            var current = original[key];
            if (current is null || current.GetValueKind() != value.GetValueKind())
            {
                // Not in the original, or of another type: take the patch's value without its nulls and directives.
                SetOrRemove(original, key, RemoveDirectives(DiscardNulls(value)));
                continue;
            }

            original[key] = (current, value) switch
            {
                (JsonObject, JsonObject mapPatch) => MergeMap(Detach(original, key)!.AsObject(), mapPatch),
                (JsonArray, JsonArray listPatch) when StrategicMergeSchema.TryGetListStrategy(key, out var mergeKey) =>
                    StrategicListMerge.Merge(Detach(original, key)!.AsArray(), listPatch, mergeKey, key),
                _ => value,
            };
        }

        return original;
    }

    /// <summary>Removes a member and hands back its value, free to be put elsewhere.</summary>
    internal static JsonNode? Detach(JsonObject map, string key)
    {
        map.Remove(key, out var value);
        return value;
    }

    /// <summary>
    /// Drops every object that carries a <c>$patch</c> directive (and the member or element holding it) from a value the
    /// original did not have. Returns <see langword="false"/> when the value itself is such an object.
    /// </summary>
    internal static (JsonNode? Value, bool Keep) RemoveDirectives(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map when map.ContainsKey(Directive):
                return (null, false);
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    var (value, keep) = RemoveDirectives(Detach(map, key));
                    if (keep)
                    {
                        map[key] = value;
                    }
                }

                return (map, true);
            case JsonArray list:
                var kept = new JsonArray();
                foreach (var item in list.ToList())
                {
                    list.Remove(item);
                    var (value, keep) = RemoveDirectives(item);
                    if (keep)
                    {
                        kept.Add(value);
                    }
                }

                return (kept, true);
            default:
                return (node, true);
        }
    }

    private static JsonNode DiscardNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    map.Remove(key);
                }

                foreach (var (_, value) in map)
                {
                    DiscardNulls(value!);
                }

                break;
            case JsonArray list:
                foreach (var item in list.Where(i => i is not null))
                {
                    DiscardNulls(item!);
                }

                break;
        }

        return node;
    }

    private static void SetOrRemove(JsonObject map, string key, (JsonNode? Value, bool Keep) result)
    {
        if (result.Keep)
        {
            map[key] = result.Value;
        }
        else
        {
            map.Remove(key);
        }
    }

    private static JsonObject MapDirective(JsonNode? directive, JsonObject patch)
    {
        switch (directive is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
        {
            case "replace":
                patch.Remove(Directive);
                return patch;
            case "delete":
                return [];
            default:
                throw PatchException.BadRequest($"unknown patch type: {directive?.ToJsonString()} in map: {patch.ToJsonString()}");
        }
    }

    private static void RejectUnsupported(string key)
    {
        if (key == "$retainKeys" || key.StartsWith("$setElementOrder/", StringComparison.Ordinal)
            || key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
        {
            throw PatchException.BadRequest($"the Kubernetes simulator does not support the {key} directive");
        }
    }

    private static JsonObject ParseObject(string patch)
    {
        try
        {
            return JsonNode.Parse(patch) as JsonObject ?? throw PatchException.BadRequest("a strategic merge patch must be a JSON object");
        }
        catch (JsonException e)
        {
            throw PatchException.BadRequest($"the patch is not valid JSON: {e.Message}");
        }
    }
}
