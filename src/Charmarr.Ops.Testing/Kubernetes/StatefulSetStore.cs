using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// The simulator's object store: StatefulSets as JSON documents, keyed by namespace and name. Like the API server it
/// owns <c>metadata.resourceVersion</c> (a new one on every change, none for a patch that changes nothing),
/// <c>metadata.generation</c> (one more on every change of <c>spec</c>) and <c>status</c> (which a PATCH of the object
/// cannot change). Everything handed out is a copy.
/// </summary>
public sealed class StatefulSetStore
{
    private readonly Dictionary<(string Namespace, string Name), JsonObject> _items = [];
    private long _lastResourceVersion = 1000;

    /// <summary>The lock every store and simulator operation takes.</summary>
    internal Lock Sync { get; } = new();

    /// <summary>Stores a StatefulSet (creating or replacing it), giving it a new <c>resourceVersion</c> and, if it has none, <c>generation</c> 1.</summary>
    /// <param name="statefulSet">The StatefulSet, with <c>metadata.name</c> and <c>metadata.namespace</c>.</param>
    /// <exception cref="ArgumentException">The name or namespace is missing.</exception>
    public void Put(JsonObject statefulSet)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        // Through text, as the API server would see it: numbers come back as JSON numbers, whatever .NET type built them.
        var copy = JsonNode.Parse(statefulSet.ToJsonString())!.AsObject();
        var key = KeyOf(copy) ?? throw new ArgumentException("A StatefulSet needs metadata.name and metadata.namespace.", nameof(statefulSet));
        lock (Sync)
        {
            var metadata = copy["metadata"]!.AsObject();
            metadata["resourceVersion"] = NextResourceVersion();
            metadata["generation"] ??= 1L;
            _items[key] = copy;
        }
    }

    /// <summary>Stores a StatefulSet as it was read from the API before (a state-transition input): its
    /// <c>resourceVersion</c> is kept when it has one, so a run that changes nothing gives the same document back.</summary>
    internal void Restore(JsonObject statefulSet)
    {
        Put(statefulSet);
        if (statefulSet["metadata"]?["resourceVersion"]?.ToString() is { } version && long.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            lock (Sync)
            {
                _items[KeyOf(statefulSet)!.Value]["metadata"]!["resourceVersion"] = version;
                _lastResourceVersion = Math.Max(_lastResourceVersion, number);
            }
        }
    }

    /// <summary>Stores a StatefulSet given as JSON text.</summary>
    /// <param name="json">The StatefulSet.</param>
    public void Put(string json) =>
        Put(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("A StatefulSet is a JSON object.", nameof(json)));

    /// <summary>A copy of a StatefulSet.</summary>
    /// <param name="namespaceName">Its namespace.</param>
    /// <param name="name">Its name.</param>
    /// <returns>The copy, or <see langword="null"/> when there is none.</returns>
    public JsonObject? Get(string namespaceName, string name)
    {
        lock (Sync)
        {
            // Through text, as a client reads the API server's answer: numbers convert to any numeric type.
            return Find(namespaceName, name) is { } found ? JsonNode.Parse(found.ToJsonString())!.AsObject() : null;
        }
    }

    /// <summary>Deletes a StatefulSet.</summary>
    /// <param name="namespaceName">Its namespace.</param>
    /// <param name="name">Its name.</param>
    /// <returns>Whether there was one.</returns>
    public bool Remove(string namespaceName, string name)
    {
        lock (Sync)
        {
            return _items.Remove((namespaceName, name));
        }
    }

    /// <summary>The stored document itself (callers hold <see cref="Sync"/> and do not change it).</summary>
    internal JsonObject? Find(string namespaceName, string name) => _items.GetValueOrDefault((namespaceName, name));

    /// <summary>Replaces a stored StatefulSet with <paramref name="updated"/>, keeping the server-owned fields; a no-op when nothing changed.</summary>
    /// <returns>A copy of what is stored afterwards.</returns>
    internal JsonObject Commit(string namespaceName, string name, JsonObject updated)
    {
        var current = _items[(namespaceName, name)];
        var metadata = updated["metadata"] as JsonObject ?? [];
        updated["metadata"] = metadata;
        metadata["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone();
        metadata["generation"] = current["metadata"]?["generation"]?.DeepClone();
        updated.Remove("status");
        if (current["status"] is { } status)
        {
            updated["status"] = status.DeepClone();
        }

        if (JsonNode.DeepEquals(current, updated))
        {
            return current.DeepClone().AsObject();
        }

        metadata["resourceVersion"] = NextResourceVersion();
        if (!JsonNode.DeepEquals(current["spec"], updated["spec"]))
        {
            metadata["generation"] = Generation(current) + 1;
        }

        _items[(namespaceName, name)] = updated;
        return updated.DeepClone().AsObject();
    }

    // Read through its JSON text: a node built in code holds an int (Put's 1) or a long, and JsonValue will not convert one to the other.
    private static long Generation(JsonObject statefulSet) =>
        statefulSet["metadata"]?["generation"] is JsonValue value && long.TryParse(value.ToJsonString(), CultureInfo.InvariantCulture, out var generation) ? generation : 0;

    private static (string Namespace, string Name)? KeyOf(JsonObject statefulSet) =>
        statefulSet["metadata"] is JsonObject metadata
        && metadata["namespace"] is JsonValue ns && ns.TryGetValue<string>(out var namespaceName) && namespaceName.Length > 0
        && metadata["name"] is JsonValue n && n.TryGetValue<string>(out var name) && name.Length > 0
            ? (namespaceName, name)
            : null;

    private string NextResourceVersion() => (++_lastResourceVersion).ToString(CultureInfo.InvariantCulture);
}
