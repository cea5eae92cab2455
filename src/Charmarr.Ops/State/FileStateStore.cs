using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.State;

/// <summary>
/// Keeps state in a local JSON file. For machine charms and tests: on Kubernetes the charm container's disk is lost when
/// the pod is replaced, which is why <see cref="JujuStateStore"/> is the default. Writes replace the file atomically.
/// </summary>
public sealed class FileStateStore : IStateStore
{
    private readonly string path;

    /// <summary>Creates the store.</summary>
    /// <param name="path">The file; created on first save.</param>
    public FileStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = path;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Load()
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            var obj = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new StoredStateException($"state file {path} does not hold a JSON object");
            return obj.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new StoredStateException($"state file {path} is corrupt: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Save(IReadOnlyDictionary<string, string> changed, IReadOnlyCollection<string> deleted)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(deleted);
        if (changed.Count == 0 && deleted.Count == 0)
        {
            return;
        }

        var all = new SortedDictionary<string, string>(Load().ToDictionary(), StringComparer.Ordinal);
        foreach (var key in deleted)
        {
            all.Remove(key);
        }

        foreach (var (key, value) in changed)
        {
            all[key] = value;
        }

        var obj = new JsonObject();
        foreach (var (key, value) in all)
        {
            obj[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, obj.ToJsonString());
        File.Move(temp, path, overwrite: true);
    }
}
