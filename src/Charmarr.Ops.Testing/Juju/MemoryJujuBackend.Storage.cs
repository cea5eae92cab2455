using System.Globalization;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>A request the charm made with <c>storage-add</c>.</summary>
/// <param name="Name">The storage name.</param>
/// <param name="Count">How many instances it asked for.</param>
public sealed record StorageRequest(string Name, int Count);

public sealed partial class MemoryJujuBackend
{
    private readonly SortedDictionary<string, StorageDetails> storage = new(StringComparer.Ordinal);
    private List<StorageRequest> storageRequests = [];

    /// <summary>The storage instances the charm asked for with <c>storage-add</c>, oldest first.</summary>
    public IReadOnlyList<StorageRequest> StorageRequests => storageRequests;

    /// <summary>Attaches a storage instance, numbered after the existing ones of that name.</summary>
    /// <param name="name">The storage name, as declared.</param>
    /// <param name="location">Where it is mounted.</param>
    /// <param name="kind"><c>filesystem</c> or <c>block</c>.</param>
    /// <returns>The storage id, e.g. <c>data/0</c>.</returns>
    public string AttachStorage(string name, string location, string kind = "filesystem")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(location);
        if (kind is not ("filesystem" or "block"))
        {
            throw new ArgumentException($"storage kind \"{kind}\" is not filesystem or block", nameof(kind));
        }

        var index = storage.Keys.Count(id => id.StartsWith(name + "/", StringComparison.Ordinal));
        var storageId = string.Create(CultureInfo.InvariantCulture, $"{name}/{index}");
        storage[storageId] = new StorageDetails(kind, location);
        return storageId;
    }

    /// <summary>Attaches a storage instance under a given id (the state-transition API's input).</summary>
    internal void AttachStorage(string storageId, StorageDetails details) => storage[storageId] = details;

    /// <summary>Detaches a storage instance.</summary>
    /// <param name="storageId">The storage id.</param>
    /// <returns>Whether it was attached.</returns>
    public bool DetachStorage(string storageId) => storage.Remove(storageId);

    /// <inheritdoc />
    public IReadOnlyList<string> ListStorage(string? name)
    {
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
        }

        return storage.Keys.Where(id => name is null || id[..id.IndexOf('/', StringComparison.Ordinal)] == name).ToList();
    }

    /// <inheritdoc />
    public StorageDetails GetStorage(string storageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageId);
        return storage.TryGetValue(storageId, out var details)
            ? details
            : throw Fail("storage-get", 2, $"invalid value \"{storageId}\" for flag -s: storage instance \"{storageId}\" not found");
    }

    /// <inheritdoc />
    public void AddStorage(string name, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        storageRequests.Add(new StorageRequest(name, count));
    }
}
