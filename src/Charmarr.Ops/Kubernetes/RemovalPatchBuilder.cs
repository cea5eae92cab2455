using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Collects the removals of one reconcile into a single RFC 6902 JSON patch. Every index-based removal is preceded by
/// <c>test</c> operations on the element's identity (its <c>name</c>, a mount's <c>mountPath</c>), every removed field
/// by a <c>test</c> of the value that was read, and container-scoped paths by a <c>test</c> of the container's name,
/// so a StatefulSet that changed since it was read makes the whole patch fail (422) instead of removing the wrong
/// element. Elements of one list are removed from the highest index down, so earlier removals never shift later ones.
/// </summary>
internal sealed class RemovalPatchBuilder(PodTemplateView view)
{
    private readonly List<(string Path, JsonNode Current, bool ContainerScoped)> _fields = [];
    private readonly List<(string ListPath, int Index, IReadOnlyList<(string Member, string Value)> Identity)> _elements = [];
    private readonly List<string> _changes = [];

    /// <summary>What the patch changes, in words.</summary>
    public IReadOnlyList<string> Changes => _changes;

    /// <summary>Removes a field of the pod spec or of the target container.</summary>
    /// <param name="path">The field's JSON pointer.</param>
    /// <param name="current">Its value as read (tested before removing).</param>
    /// <param name="change">The change, in words.</param>
    public void RemoveField(string path, JsonNode current, string change)
    {
        _fields.Add((path, current.DeepClone(), path.StartsWith(view.ContainerPath + "/", StringComparison.Ordinal)));
        _changes.Add(change);
    }

    /// <summary>Removes a list element by index, guarded by tests of its identity.</summary>
    /// <param name="listPath">The list's JSON pointer.</param>
    /// <param name="index">The element's index as read.</param>
    /// <param name="identity">Members of the element and their values as read, each tested before removing.</param>
    /// <param name="change">The change, in words.</param>
    public void RemoveElement(string listPath, int index, IReadOnlyList<(string Member, string Value)> identity, string change)
    {
        _elements.Add((listPath, index, identity));
        _changes.Add(change);
    }

    /// <summary>The JSON patch, or <see langword="null"/> when nothing is to be removed.</summary>
    /// <returns>The operations.</returns>
    public JsonArray? Build()
    {
        if (_fields.Count == 0 && _elements.Count == 0)
        {
            return null;
        }

        var ops = new JsonArray();
        if (_fields.Any(f => f.ContainerScoped) || _elements.Any(e => e.ListPath.StartsWith(view.ContainerPath + "/", StringComparison.Ordinal)))
        {
            ops.Add((JsonNode)Test(view.ContainerPath + "/name", JsonValue.Create(view.ContainerName)));
        }

        foreach (var (path, current, _) in _fields)
        {
            ops.Add((JsonNode)Test(path, current.DeepClone()));
            ops.Add((JsonNode)Remove(path));
        }

        foreach (var (listPath, index, identity) in _elements.OrderBy(e => e.ListPath, StringComparer.Ordinal).ThenByDescending(e => e.Index))
        {
            var elementPath = string.Create(CultureInfo.InvariantCulture, $"{listPath}/{index}");
            foreach (var (member, value) in identity)
            {
                ops.Add((JsonNode)Test($"{elementPath}/{JsonPointer.Escape(member)}", JsonValue.Create(value)));
            }

            ops.Add((JsonNode)Remove(elementPath));
        }

        return ops;
    }

    private static JsonObject Test(string path, JsonNode? value) => new() { ["op"] = "test", ["path"] = path, ["value"] = value };

    private static JsonObject Remove(string path) => new() { ["op"] = "remove", ["path"] = path };
}
