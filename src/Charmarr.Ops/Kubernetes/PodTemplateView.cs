using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Read-only access to the pod template of a StatefulSet as the API server returned it: the pod spec, the target
/// container and its position, the volumes and mounts with their positions (for JSON-patch paths).
/// </summary>
internal sealed class PodTemplateView
{
    /// <summary>The JSON pointer of the pod spec inside a StatefulSet.</summary>
    public const string PodSpecPath = "/spec/template/spec";

    /// <summary>The JSON pointer of the pod's volume list.</summary>
    public const string VolumesPath = PodSpecPath + "/volumes";

    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>Reads the template.</summary>
    /// <param name="statefulSet">The StatefulSet.</param>
    /// <param name="containerName">The container the charm's changes apply to.</param>
    /// <exception cref="InvalidOperationException">The StatefulSet has no such container.</exception>
    public PodTemplateView(JsonObject statefulSet, string containerName)
    {
        PodSpec = statefulSet["spec"]?["template"]?["spec"] as JsonObject ?? [];
        ContainerName = containerName;
        var containers = Objects(PodSpec["containers"]);
        var found = containers.FirstOrDefault(c => NameOf(c.Item) == containerName);
        if (found.Item is null)
        {
            var names = string.Join(", ", containers.Select(c => NameOf(c.Item)));
            throw new InvalidOperationException(
                $"The StatefulSet has no container named \"{containerName}\" (it has: {names}). Use the container's name from charmcraft.yaml.");
        }

        Container = found.Item;
        ContainerIndex = found.Index;
        Volumes = Objects(PodSpec["volumes"]);
        Mounts = Objects(Container["volumeMounts"]);
    }

    /// <summary>The pod spec (<c>spec.template.spec</c>).</summary>
    public JsonObject PodSpec { get; }

    /// <summary>The target container's name.</summary>
    public string ContainerName { get; }

    /// <summary>The target container.</summary>
    public JsonObject Container { get; }

    /// <summary>The target container's index in <c>containers</c>.</summary>
    public int ContainerIndex { get; }

    /// <summary>The JSON pointer of the target container.</summary>
    public string ContainerPath => string.Create(CultureInfo.InvariantCulture, $"{PodSpecPath}/containers/{ContainerIndex}");

    /// <summary>The JSON pointer of the target container's mount list.</summary>
    public string MountsPath => ContainerPath + "/volumeMounts";

    /// <summary>The pod's volumes with their indexes.</summary>
    public IReadOnlyList<(int Index, JsonObject Item)> Volumes { get; }

    /// <summary>The target container's mounts with their indexes.</summary>
    public IReadOnlyList<(int Index, JsonObject Item)> Mounts { get; }

    /// <summary>The name of a list element, or <see langword="null"/>.</summary>
    /// <param name="element">A container, volume or mount.</param>
    /// <returns>Its <c>name</c>.</returns>
    public static string? NameOf(JsonObject element) => Text(element["name"]);

    /// <summary>The mount path of a mount, or <see langword="null"/>.</summary>
    /// <param name="mount">A mount.</param>
    /// <returns>Its <c>mountPath</c>.</returns>
    public static string? MountPathOf(JsonObject mount) => Text(mount["mountPath"]);

    /// <summary>Whether a container other than the target (including init and ephemeral containers) mounts a volume.</summary>
    /// <param name="volumeName">The volume's name.</param>
    /// <returns>Whether another container uses it.</returns>
    public bool IsMountedByAnotherContainer(string volumeName) =>
        ContainerLists
            .SelectMany(list => Objects(PodSpec[list]).Select(c => (List: list, c.Index, c.Item)))
            .Where(c => !(c.List == "containers" && c.Index == ContainerIndex))
            .Any(c => Objects(c.Item["volumeMounts"]).Any(m => NameOf(m.Item) == volumeName));

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<(int Index, JsonObject Item)> Objects(JsonNode? list) =>
        list is JsonArray array
            ? array.Select((item, index) => (index, item)).Where(e => e.item is JsonObject).Select(e => (e.index, (JsonObject)e.item!)).ToList()
            : [];
}
