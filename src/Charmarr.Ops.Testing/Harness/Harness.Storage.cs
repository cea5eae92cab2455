using System.Globalization;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>
    /// Attaches <paramref name="count"/> instances of a declared storage (mounted where the metadata says, and created in
    /// every container that mounts it) and emits <c>&lt;name&gt;-storage-attached</c> for each. Before
    /// <see cref="Begin"/>, <see cref="BeginWithInitialHooksAsync"/> emits those events first.
    /// </summary>
    /// <param name="name">The storage name.</param>
    /// <param name="count">How many instances.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The storage ids, e.g. <c>data/0</c>.</returns>
    public async Task<IReadOnlyList<string>> AddStorageAsync(string name, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Metadata.Storage.TryGetValue(name, out var meta))
        {
            throw new ArgumentException($"\"{name}\" is not a storage of {Metadata.Name} (declared: {string.Join(", ", Metadata.Storage.Keys.Order(StringComparer.Ordinal))})", nameof(name));
        }

        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var index = Backend.ListStorage(name).Count;
            var root = meta.Location ?? $"/var/lib/juju/storage/{name}";
            var location = meta.Multiple is null ? root : string.Create(CultureInfo.InvariantCulture, $"{root}/{index}");
            ids.Add(Backend.AttachStorage(name, location, meta.Type));
            foreach (var container in Metadata.Containers.Values)
            {
                foreach (var mount in container.Mounts.Where(m => m.Storage == name && !PebbleClients.Simulator(container.Name).PathExists(m.Location)))
                {
                    PebbleClients.Simulator(container.Name).MakeDirectory(mount.Location, new FileCreation { MakeParents = true });
                }
            }
        }

        foreach (var id in ids)
        {
            await EmitAsync(StorageRequest("attached", id), cancellationToken).ConfigureAwait(false);
        }

        return ids;
    }

    /// <inheritdoc cref="AddStorageAsync"/>
    public IReadOnlyList<string> AddStorage(string name, int count = 1) => Sync(() => AddStorageAsync(name, count));

    /// <summary>Emits <c>&lt;name&gt;-storage-detaching</c>, then detaches the instance.</summary>
    /// <param name="storageId">The storage id, e.g. <c>data/0</c>.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public async Task DetachStorageAsync(string storageId, CancellationToken cancellationToken = default)
    {
        await EmitAsync(StorageRequest("detaching", storageId), cancellationToken).ConfigureAwait(false);
        Backend.DetachStorage(storageId);
    }

    /// <inheritdoc cref="DetachStorageAsync"/>
    public void DetachStorage(string storageId) => Sync(() => DetachStorageAsync(storageId));

    private EventRequest StorageRequest(string kind, string storageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageId);
        if (!Backend.ListStorage(null).Contains(storageId))
        {
            throw new ArgumentException($"storage \"{storageId}\" is not attached (attached: {string.Join(", ", Backend.ListStorage(null))})", nameof(storageId));
        }

        var details = Backend.GetStorage(storageId);
        return EventRequest.Hook($"{storageId[..storageId.IndexOf('/', StringComparison.Ordinal)]}-storage-{kind}", s => s with
        {
            StorageId = storageId,
            StorageLocation = details.Location,
            StorageKind = details.Kind,
        });
    }
}
