using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Juju.HookTools;

/// <summary>Hook-tool <c>--format=json</c> output: Go's <c>json.Marshal</c> of Go maps, so every object's keys are sorted.</summary>
internal static class JujuJson
{
    public static string Serialize(JsonNode? node) => GoJson.Serialize(Sorted(node));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => GoJson.SortedMap(obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value)), Sorted),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
