using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>): objects merge, <c>null</c> deletes, anything else (lists too) replaces.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies a merge patch to a document; neither is modified.</summary>
    /// <param name="document">The document.</param>
    /// <param name="patch">The patch.</param>
    /// <returns>The patched document.</returns>
    public static JsonNode? Apply(JsonNode? document, JsonNode? patch) => Merge(document?.DeepClone(), patch);

    /// <summary>Applies a merge patch given as JSON text.</summary>
    /// <param name="document">The document.</param>
    /// <param name="patch">The patch.</param>
    /// <returns>The patched document.</returns>
    /// <exception cref="PatchException">The text is not JSON (400).</exception>
    public static JsonNode? Apply(JsonNode? document, string patch)
    {
        try
        {
            return Apply(document, JsonNode.Parse(patch));
        }
        catch (JsonException e)
        {
            throw PatchException.BadRequest($"the patch is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in members)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Merge(StrategicMergePatch.Detach(result, key), value);
                result[key] = merged;
            }
        }

        return result;
    }
}
