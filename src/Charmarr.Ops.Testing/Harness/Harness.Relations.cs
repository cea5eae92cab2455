using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>
    /// Relates an endpoint to a remote application and emits relation-created. With <paramref name="unitData"/> a remote
    /// unit <c>&lt;remote&gt;/0</c> joins holding that data (relation-joined, relation-changed); with
    /// <paramref name="appData"/> the remote application's bag is filled (relation-changed).
    /// For a peer endpoint, <paramref name="remoteApp"/> is this application.
    /// </summary>
    /// <param name="endpoint">This charm's endpoint.</param>
    /// <param name="remoteApp">The remote application.</param>
    /// <param name="appData">The remote application's bag, or <see langword="null"/>.</param>
    /// <param name="unitData">The first remote unit's bag, or <see langword="null"/> for no unit yet.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The relation id.</returns>
    /// <exception cref="ArgumentException">The endpoint is not declared, or a peer endpoint names another application.</exception>
    /// <exception cref="InvalidOperationException">The endpoint already has as many relations as its <c>limit</c>, which
    /// Juju refuses (<c>juju integrate</c> fails with "quota limit exceeded").</exception>
    public async Task<int> AddRelationAsync(
        string endpoint,
        string remoteApp,
        IReadOnlyDictionary<string, string>? appData = null,
        IReadOnlyDictionary<string, string>? unitData = null,
        CancellationToken cancellationToken = default)
    {
        var meta = Endpoint(endpoint);
        var existing = Backend.RelationIdsOf(meta.Name);
        if (meta.Limit is { } limit && existing.Count >= limit)
        {
            throw new InvalidOperationException(
                $"establishing a new relation for {AppName}:{meta.Name} would exceed its maximum relation limit of {limit} (quota limit exceeded): " +
                $"Juju refuses it; remove relation {string.Join(", ", existing)} first");
        }

        int id;
        if (meta.Role == RelationRole.Peer)
        {
            if (remoteApp != AppName)
            {
                throw new ArgumentException($"\"{endpoint}\" is a peer endpoint: it relates units of {AppName}, so the remote application must be \"{AppName}\"", nameof(remoteApp));
            }

            id = Backend.AddPeerRelation(endpoint);
        }
        else
        {
            if (remoteApp == AppName)
            {
                throw new ArgumentException($"\"{endpoint}\" is a {meta.Role.ToString().ToLowerInvariant()} endpoint; it cannot relate {AppName} to itself", nameof(remoteApp));
            }

            id = Backend.AddRelation(endpoint, remoteApp);
        }

        await EmitAsync(RelationRequest("created", id), cancellationToken).ConfigureAwait(false);
        if (unitData is not null)
        {
            await AddRelationUnitAsync(id, FirstFreeUnit(id, remoteApp), unitData, cancellationToken).ConfigureAwait(false);
        }

        if (appData is not null)
        {
            await UpdateRelationDataAsync(id, remoteApp, appData, cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    /// <inheritdoc cref="AddRelationAsync"/>
    public int AddRelation(string endpoint, string remoteApp, IReadOnlyDictionary<string, string>? appData = null, IReadOnlyDictionary<string, string>? unitData = null) =>
        Sync(() => AddRelationAsync(endpoint, remoteApp, appData, unitData));

    /// <summary>A remote unit joins: its bag starts with Juju's address keys plus <paramref name="data"/>; emits
    /// relation-joined then relation-changed, as Juju does (ops' Harness sends only joined).</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The unit, e.g. <c>db/0</c> (for a peer relation, another unit of this application).</param>
    /// <param name="data">Keys the unit has already written, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hooks have run.</returns>
    public async Task AddRelationUnitAsync(int relationId, string unit, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
    {
        var relation = ExistingRelation(relationId);
        Backend.AddRemoteUnit(relationId, unit);
        if (data is not null)
        {
            Backend.SetRemoteUnitData(relationId, unit, Merge(Backend.GetRemoteUnitData(relationId, unit), data));
        }

        await EmitAsync(RelationRequest("joined", relation.Id, unit), cancellationToken).ConfigureAwait(false);
        await EmitAsync(RelationRequest("changed", relation.Id, unit), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="AddRelationUnitAsync"/>
    public void AddRelationUnit(int relationId, string unit, IReadOnlyDictionary<string, string>? data = null) =>
        Sync(() => AddRelationUnitAsync(relationId, unit, data));

    /// <summary>A remote unit leaves: it is no longer listed, its bag stays readable; emits relation-departed with it as
    /// the remote and the departing unit.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="ArgumentException">The unit is not in the relation.</exception>
    public async Task RemoveRelationUnitAsync(int relationId, string unit, CancellationToken cancellationToken = default)
    {
        var relation = ExistingRelation(relationId);
        if (!relation.Members.Contains(unit))
        {
            throw new ArgumentException($"\"{unit}\" is not a unit of relation {relation.Label} (members: {string.Join(", ", relation.Members)})", nameof(unit));
        }

        Backend.RemoveRemoteUnit(relationId, unit);
        await EmitAsync(RelationRequest("departed", relationId, unit, departingUnit: unit), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="RemoveRelationUnitAsync"/>
    public void RemoveRelationUnit(int relationId, string unit) => Sync(() => RemoveRelationUnitAsync(relationId, unit));

    /// <summary>Removes a relation as <c>juju remove-relation</c> does: relation-departed for each remote unit, then
    /// relation-broken (during which the relation is no longer listed); the relation is gone once broken succeeds.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hooks have run.</returns>
    public async Task RemoveRelationAsync(int relationId, CancellationToken cancellationToken = default)
    {
        foreach (var unit in RelationMembers(relationId))
        {
            await RemoveRelationUnitAsync(relationId, unit, cancellationToken).ConfigureAwait(false);
        }

        var failuresBefore = hookFailures.Count;
        await EmitAsync(RelationRequest("broken", relationId), cancellationToken).ConfigureAwait(false);
        if (hookFailures.Count == failuresBefore)
        {
            Backend.RemoveRelation(relationId);
        }
    }

    /// <inheritdoc cref="RemoveRelationAsync"/>
    public void RemoveRelation(int relationId) => Sync(() => RemoveRelationAsync(relationId));

    /// <summary>
    /// Updates a databag (keys with an empty value are deleted) and emits relation-changed when another party's data
    /// changed: the remote application, a remote unit, or — on a peer relation, for a non-leader — this application's
    /// bag written by the leader. This unit's own bag, and its application's bag on the leader, change silently.
    /// </summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="appOrUnit">Whose bag: an application name or a unit name.</param>
    /// <param name="data">The keys to set (empty value = delete).</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook (if any) has run.</returns>
    public async Task UpdateRelationDataAsync(int relationId, string appOrUnit, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appOrUnit);
        ArgumentNullException.ThrowIfNull(data);
        var relation = ExistingRelation(relationId);
        EventRequest? notify;
        bool changed;
        if (appOrUnit == UnitName)
        {
            changed = Apply(Backend.GetLocalUnitData(relationId), data, merged => Backend.SetLocalUnitData(relationId, merged));
            notify = null;
        }
        else if (appOrUnit == AppName)
        {
            changed = Apply(Backend.GetLocalAppData(relationId), data, merged => Backend.SetLocalAppData(relationId, merged));
            notify = relation.IsPeer && !Backend.Leader ? RelationRequest("changed", relationId) : null;
        }
        else if (appOrUnit == relation.RemoteApp)
        {
            changed = Apply(Backend.GetRemoteAppData(relationId), data, merged => Backend.SetRemoteAppData(relationId, merged));
            notify = RelationRequest("changed", relationId);
        }
        else if (relation.Members.Contains(appOrUnit))
        {
            changed = Apply(Backend.GetRemoteUnitData(relationId, appOrUnit), data, merged => Backend.SetRemoteUnitData(relationId, appOrUnit, merged));
            notify = RelationRequest("changed", relationId, appOrUnit);
        }
        else
        {
            throw new ArgumentException(
                $"\"{appOrUnit}\" has no bag in relation {relation.Label}: give {UnitName}, {AppName}, {relation.RemoteApp} or a joined unit ({string.Join(", ", relation.Members)})",
                nameof(appOrUnit));
        }

        if (changed && notify is not null)
        {
            await EmitAsync(notify, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="UpdateRelationDataAsync"/>
    public void UpdateRelationData(int relationId, string appOrUnit, IReadOnlyDictionary<string, string> data) =>
        Sync(() => UpdateRelationDataAsync(relationId, appOrUnit, data));

    /// <summary>A copy of a databag, without Juju's access rules (test read-back).</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="appOrUnit">Whose bag: this unit or application, the remote application, or a remote unit.</param>
    /// <returns>The bag's content.</returns>
    public IReadOnlyDictionary<string, string> GetRelationData(int relationId, string appOrUnit)
    {
        var relation = ExistingRelation(relationId);
        return appOrUnit == UnitName ? Backend.GetLocalUnitData(relationId)
            : appOrUnit == AppName ? Backend.GetLocalAppData(relationId)
            : appOrUnit == relation.RemoteApp ? Backend.GetRemoteAppData(relationId)
            : Backend.GetRemoteUnitData(relationId, appOrUnit);
    }

    /// <summary>The ids of the relations on an endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The ids, ascending.</returns>
    public IReadOnlyList<int> GetRelationIds(string endpoint) => Backend.RelationIdsOf(Endpoint(endpoint).Name);

    private RelationMeta Endpoint(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        return Metadata.Relations.TryGetValue(endpoint, out var meta)
            ? meta
            : throw new ArgumentException(
                $"\"{endpoint}\" is not an endpoint of {Metadata.Name} (declared: {string.Join(", ", Metadata.Relations.Keys.Order(StringComparer.Ordinal))})",
                nameof(endpoint));
    }

    private MemoryRelation ExistingRelation(int relationId) =>
        Backend.FindRelation(relationId) ?? throw new ArgumentException($"relation {relationId} does not exist (relations: {string.Join(", ", AllRelationIds())})", nameof(relationId));

    private List<int> AllRelationIds() => Backend.AllRelations.Select(r => r.Id).ToList();

    private bool IsPeer(int relationId) => ExistingRelation(relationId).IsPeer;

    private List<string> RelationMembers(int relationId) => [.. ExistingRelation(relationId).Members.Order(StringComparer.Ordinal)];

    private EventRequest RelationRequest(string kind, int relationId, string? remoteUnit = null, string? departingUnit = null)
    {
        var relation = ExistingRelation(relationId);
        return EventRequest.Relation(kind, relation.Endpoint, relationId, relation.RemoteApp, remoteUnit, departingUnit);
    }

    private string FirstFreeUnit(int relationId, string remoteApp)
    {
        var relation = ExistingRelation(relationId);
        for (var n = 0; ; n++)
        {
            var unit = FormattableString.Invariant($"{remoteApp}/{n}");
            if (unit != UnitName && !relation.RemoteUnitBags.ContainsKey(unit))
            {
                return unit;
            }
        }
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> changes)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value.Length == 0)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static bool Apply(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> changes, Action<Dictionary<string, string>> store)
    {
        var merged = Merge(current, changes);
        var changed = merged.Count != current.Count || merged.Any(kv => !current.TryGetValue(kv.Key, out var old) || old != kv.Value);
        store(merged);
        return changed;
    }
}
