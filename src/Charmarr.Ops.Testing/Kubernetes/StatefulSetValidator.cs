using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// The checks of the API server's StatefulSet validation that a patch of the pod template can trip: volume and
/// container names present and unique, every mount naming a volume (or a volume claim template) and a unique path.
/// </summary>
internal static class StatefulSetValidator
{
    /// <summary>The problems found, in the API server's field-error style; empty when valid.</summary>
    /// <param name="statefulSet">The StatefulSet after the patch.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<string> Validate(JsonObject statefulSet)
    {
        var errors = new List<string>();
        if (statefulSet["spec"]?["template"]?["spec"] is not JsonObject podSpec)
        {
            return errors;
        }

        var volumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (volume, i) in Objects(podSpec["volumes"]))
        {
            var field = $"spec.template.spec.volumes[{i}].name";
            if (Text(volume["name"]) is not { Length: > 0 } name)
            {
                errors.Add($"{field}: Required value");
            }
            else if (!volumes.Add(name))
            {
                errors.Add($"{field}: Duplicate value: \"{name}\"");
            }
        }

        var claimTemplates = Objects(statefulSet["spec"]?["volumeClaimTemplates"]).Select(t => Text(t.Item["metadata"]?["name"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var containers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var (container, i) in Objects(podSpec[list]))
            {
                var field = $"spec.template.spec.{list}[{i}]";
                if (Text(container["name"]) is not { Length: > 0 } name)
                {
                    errors.Add($"{field}.name: Required value");
                }
                else if (!containers.Add(name))
                {
                    errors.Add($"{field}.name: Duplicate value: \"{name}\"");
                }

                ValidateMounts(container, field, volumes, claimTemplates, errors);
            }
        }

        return errors;
    }

    private static void ValidateMounts(JsonObject container, string field, HashSet<string> volumes, HashSet<string> claimTemplates, List<string> errors)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mount, j) in Objects(container["volumeMounts"]))
        {
            var mountField = $"{field}.volumeMounts[{j}]";
            var name = Text(mount["name"]);
            if (name is null || (!volumes.Contains(name) && !claimTemplates.Contains(name)))
            {
                errors.Add($"{mountField}.name: Not found: \"{name}\"");
            }

            if (Text(mount["mountPath"]) is not { Length: > 0 } path)
            {
                errors.Add($"{mountField}.mountPath: Required value");
            }
            else if (!paths.Add(path))
            {
                errors.Add($"{mountField}.mountPath: Invalid value: \"{path}\": must be unique");
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<(JsonObject Item, int Index)> Objects(JsonNode? list) =>
        list is JsonArray array ? array.Select((item, index) => (item as JsonObject, index)).Where(e => e.Item1 is not null).Select(e => (e.Item1!, e.index)) : [];
}
