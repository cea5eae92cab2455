using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Collects the additions and updates of one reconcile into a single strategic merge patch of the pod template:
/// volumes merge by <c>name</c>, the container by <c>name</c>, its mounts by <c>mountPath</c>; the pod and container
/// security contexts and the container's limits merge as maps.
/// </summary>
internal sealed class StrategicPatchBuilder(string containerName)
{
    private readonly JsonArray _volumes = [];
    private readonly JsonArray _mounts = [];
    private readonly JsonObject _podSecurity = [];
    private readonly JsonObject _containerSecurity = [];
    private readonly JsonObject _limits = [];
    private readonly List<string> _changes = [];

    /// <summary>What the patch changes, in words.</summary>
    public IReadOnlyList<string> Changes => _changes;

    /// <summary>Adds or updates a volume.</summary>
    /// <param name="element">The volume element (with <c>name</c>).</param>
    /// <param name="change">The change, in words.</param>
    public void Volume(JsonObject element, string change) => Add(_volumes, element, change);

    /// <summary>Adds or updates a mount of the container.</summary>
    /// <param name="element">The mount element (with <c>mountPath</c>).</param>
    /// <param name="change">The change, in words.</param>
    public void Mount(JsonObject element, string change) => Add(_mounts, element, change);

    /// <summary>Sets a field of the pod's security context.</summary>
    /// <param name="field">The field, e.g. <c>fsGroup</c>.</param>
    /// <param name="value">Its value.</param>
    /// <param name="change">The change, in words.</param>
    public void PodSecurity(string field, JsonNode value, string change) => Set(_podSecurity, field, value, change);

    /// <summary>Sets a field of the container's security context.</summary>
    /// <param name="field">The field, e.g. <c>privileged</c>.</param>
    /// <param name="value">Its value.</param>
    /// <param name="change">The change, in words.</param>
    public void ContainerSecurity(string field, JsonNode value, string change) => Set(_containerSecurity, field, value, change);

    /// <summary>Sets a resource limit of the container.</summary>
    /// <param name="resource">The resource, e.g. <c>gpu.intel.com/i915</c>.</param>
    /// <param name="quantity">The limit.</param>
    /// <param name="change">The change, in words.</param>
    public void Limit(string resource, string quantity, string change) => Set(_limits, resource, JsonValue.Create(quantity), change);

    /// <summary>The strategic merge patch, or <see langword="null"/> when nothing is to be added or updated.</summary>
    /// <returns>The patch document.</returns>
    public JsonObject? Build()
    {
        if (_changes.Count == 0)
        {
            return null;
        }

        var podSpec = new JsonObject();
        AddIfAny(podSpec, "volumes", _volumes);
        AddIfAny(podSpec, "securityContext", _podSecurity);
        var container = new JsonObject { ["name"] = containerName };
        AddIfAny(container, "volumeMounts", _mounts);
        AddIfAny(container, "securityContext", _containerSecurity);
        if (_limits.Count > 0)
        {
            container["resources"] = new JsonObject { ["limits"] = _limits.DeepClone() };
        }

        if (container.Count > 1)
        {
            podSpec["containers"] = new JsonArray(container);
        }

        return new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = podSpec } } };
    }

    private static void AddIfAny(JsonObject target, string key, JsonNode collection)
    {
        if (collection is JsonArray { Count: > 0 } or JsonObject { Count: > 0 })
        {
            target[key] = collection.DeepClone();
        }
    }

    private void Add(JsonArray list, JsonObject element, string change)
    {
        list.Add((JsonNode)element);
        _changes.Add(change);
    }

    private void Set(JsonObject map, string field, JsonNode value, string change)
    {
        map[field] = value;
        _changes.Add(change);
    }
}
