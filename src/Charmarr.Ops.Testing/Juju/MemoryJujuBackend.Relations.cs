using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private readonly SortedDictionary<int, MemoryRelation> relations = new();
    private int nextRelationId = 1;

    /// <summary>Relates an endpoint of this application to a remote application (no remote unit has joined yet).</summary>
    /// <param name="endpoint">This charm's endpoint.</param>
    /// <param name="remoteApp">The remote application's name.</param>
    /// <returns>The new relation's id.</returns>
    public int AddRelation(string endpoint, string remoteApp)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(remoteApp);
        if (remoteApp.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{remoteApp}\" is a unit name; give the remote application's name", nameof(remoteApp));
        }

        return Add(new MemoryRelation(nextRelationId, endpoint, remoteApp, isPeer: false, UnitName, JujuVersion.HasRelationPrivateAddress));
    }

    /// <summary>Adds a peer relation: the remote units are the other units of this application, the application bag is shared.</summary>
    /// <param name="endpoint">The peer endpoint.</param>
    /// <returns>The new relation's id.</returns>
    public int AddPeerRelation(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        return Add(new MemoryRelation(nextRelationId, endpoint, AppName, isPeer: true, UnitName, JujuVersion.HasRelationPrivateAddress));
    }

    /// <summary>A remote unit joins a relation; its bag starts with Juju's address keys.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The unit, of the remote application (of this application, for a peer relation).</param>
    public void AddRemoteUnit(int relationId, string unit)
    {
        var relation = Relation(relationId);
        ArgumentException.ThrowIfNullOrEmpty(unit);
        if (!unit.StartsWith(relation.RemoteApp + "/", StringComparison.Ordinal) || unit == UnitName)
        {
            throw new ArgumentException($"\"{unit}\" is not a remote unit of relation {relation.Label} (remote application {relation.RemoteApp})", nameof(unit));
        }

        if (!relation.Members.Contains(unit))
        {
            relation.Members.Add(unit);
        }

        if (!relation.RemoteUnitBags.ContainsKey(unit))
        {
            relation.RemoteUnitBags[unit] = relation.NewUnitBag(unit);
        }
    }

    /// <summary>A remote unit departs: it is no longer a member, but its bag stays readable.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The unit.</param>
    public void RemoveRemoteUnit(int relationId, string unit) => Relation(relationId).Members.Remove(unit);

    /// <summary>Removes a relation and everything in it.</summary>
    /// <param name="relationId">The relation.</param>
    public void RemoveRelation(int relationId)
    {
        Relation(relationId);
        relations.Remove(relationId);
    }

    /// <summary>The ids of the relations on an endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The ids, ascending.</returns>
    public IReadOnlyList<int> RelationIdsOf(string endpoint) =>
        relations.Values.Where(r => r.Endpoint == endpoint).Select(r => r.Id).ToList();

    /// <summary>Replaces the remote application's bag.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="data">The new content.</param>
    public void SetRemoteAppData(int relationId, IReadOnlyDictionary<string, string> data) =>
        Replace(Relation(relationId).RemoteAppBag, data);

    /// <summary>Replaces a remote unit's bag (the unit joins if it had not).</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The remote unit.</param>
    /// <param name="data">The new content.</param>
    public void SetRemoteUnitData(int relationId, string unit, IReadOnlyDictionary<string, string> data)
    {
        AddRemoteUnit(relationId, unit);
        Replace(Relation(relationId).RemoteUnitBags[unit], data);
    }

    /// <summary>Replaces this application's bag, bypassing the leader rule (test set-up).</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="data">The new content.</param>
    public void SetLocalAppData(int relationId, IReadOnlyDictionary<string, string> data) =>
        Replace(Relation(relationId).LocalAppBag, data);

    /// <summary>Replaces this unit's bag (test set-up).</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="data">The new content.</param>
    public void SetLocalUnitData(int relationId, IReadOnlyDictionary<string, string> data) =>
        Replace(Relation(relationId).LocalUnitBag, data);

    /// <summary>A copy of this application's bag, whoever the leader is.</summary>
    /// <param name="relationId">The relation.</param>
    /// <returns>The bag's content.</returns>
    public IReadOnlyDictionary<string, string> GetLocalAppData(int relationId) => Copy(Relation(relationId).LocalAppBag);

    /// <summary>A copy of this unit's bag.</summary>
    /// <param name="relationId">The relation.</param>
    /// <returns>The bag's content.</returns>
    public IReadOnlyDictionary<string, string> GetLocalUnitData(int relationId) => Copy(Relation(relationId).LocalUnitBag);

    /// <summary>A copy of the remote application's bag.</summary>
    /// <param name="relationId">The relation.</param>
    /// <returns>The bag's content.</returns>
    public IReadOnlyDictionary<string, string> GetRemoteAppData(int relationId) => Copy(Relation(relationId).RemoteAppBag);

    /// <summary>A copy of a remote unit's bag.</summary>
    /// <param name="relationId">The relation.</param>
    /// <param name="unit">The remote unit.</param>
    /// <returns>The bag's content.</returns>
    public IReadOnlyDictionary<string, string> GetRemoteUnitData(int relationId, string unit) =>
        Relation(relationId).RemoteUnitBags.TryGetValue(unit, out var bag)
            ? Copy(bag)
            : throw new KeyNotFoundException($"\"{unit}\" has never joined relation {relationId}");

    /// <inheritdoc />
    public IReadOnlyList<int> GetRelationIds(string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        return RelationIdsOf(endpoint);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetRelationUnits(string endpoint, int relationId) =>
        Find("relation-list", endpoint, relationId).Members.Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public string? GetRelationRemoteApp(string endpoint, int relationId) => Find("relation-list", endpoint, relationId).RemoteApp;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetRelationData(string endpoint, int relationId, string owner, bool isApp)
    {
        const string tool = "relation-get";
        var relation = Find(tool, endpoint, relationId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return Copy(isApp ? AppBagToRead(tool, relation, owner) : UnitBagToRead(tool, relation, owner));
    }

    /// <inheritdoc />
    public void SetRelationData(string endpoint, int relationId, IReadOnlyDictionary<string, string> changes, bool isApp)
    {
        const string tool = "relation-set";
        var relation = Find(tool, endpoint, relationId);
        JujuArgumentRules.CheckRelationChanges(changes, nameof(changes));
        if (isApp && !Leader)
        {
            throw Fail(tool, 1, "cannot write relation settings");
        }

        var bag = isApp ? relation.LocalAppBag : relation.LocalUnitBag;
        if (JujuVersion.EnforcesDataSizeLimits)
        {
            // Juju 4 refuses a bag over quota.MaxRelationSettingsSize when it commits the hook's changes; the hook fails
            // and the data does not land. Refused here at the relation-set that crosses the limit, with Juju's message.
            var after = new Dictionary<string, string>(bag, StringComparer.Ordinal);
            foreach (var (key, value) in changes)
            {
                if (value.Length == 0)
                {
                    after.Remove(key);
                }
                else
                {
                    after[key] = value;
                }
            }

            if (JujuQuota.TotalBytes(after) > JujuLimits.MaxRelationSettingsBytes)
            {
                throw Fail(tool, 1, JujuQuota.TotalSizeExceeded(JujuLimits.MaxRelationSettingsBytes));
            }
        }

        foreach (var (key, value) in changes)
        {
            if (value.Length == 0)
            {
                bag.Remove(key);
            }
            else
            {
                bag[key] = value;
            }
        }
    }

    private Dictionary<string, string> AppBagToRead(string tool, MemoryRelation relation, string owner)
    {
        // With --app Juju accepts a unit name and reads that unit's application.
        var app = owner.Contains('/', StringComparison.Ordinal) ? owner[..owner.IndexOf('/', StringComparison.Ordinal)] : owner;
        if (app == AppName)
        {
            return relation.IsPeer || Leader ? relation.LocalAppBag : throw Fail(tool, 1, "permission denied");
        }

        return app == relation.RemoteApp
            ? relation.RemoteAppBag
            : throw Fail(tool, 1, $"cannot read settings for application \"{app}\" in relation \"{relation.Label}\": settings not found");
    }

    private Dictionary<string, string> UnitBagToRead(string tool, MemoryRelation relation, string owner)
    {
        if (!owner.Contains('/', StringComparison.Ordinal))
        {
            throw Fail(tool, 2, $"expected unit name, got application name \"{owner}\"");
        }

        if (owner == UnitName)
        {
            return relation.LocalUnitBag;
        }

        return relation.RemoteUnitBags.TryGetValue(owner, out var bag)
            ? bag
            : throw Fail(tool, 1, $"cannot read settings for unit \"{owner}\" in relation \"{relation.Label}\": settings not found");
    }

    /// <summary>The relation a hook tool's <c>-r endpoint:id</c> names. Juju itself ignores the endpoint part; a mismatch
    /// here is a framework bug, so it is refused like an unknown id.</summary>
    private MemoryRelation Find(string tool, string endpoint, int relationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(relationId);
        return relations.TryGetValue(relationId, out var relation) && relation.Endpoint == endpoint
            ? relation
            : throw Fail(tool, 2, $"invalid value \"{endpoint}:{relationId}\" for flag -r: relation not found");
    }

    /// <summary>Every relation, by ascending id (test read-back and state transfer).</summary>
    internal IEnumerable<MemoryRelation> AllRelations => relations.Values;

    /// <summary>The relation with this id, if it exists.</summary>
    internal MemoryRelation? FindRelation(int relationId) => relations.GetValueOrDefault(relationId);

    /// <summary>Adds a relation with a given id (the state-transition API's input); later ids continue after the highest.</summary>
    internal MemoryRelation AddRelation(int relationId, string endpoint, string remoteApp, bool isPeer)
    {
        if (relations.ContainsKey(relationId))
        {
            throw new ArgumentException($"relation id {relationId} is already used", nameof(relationId));
        }

        var relation = new MemoryRelation(relationId, endpoint, remoteApp, isPeer, UnitName, JujuVersion.HasRelationPrivateAddress);
        relations[relationId] = relation;
        nextRelationId = Math.Max(nextRelationId, relationId + 1);
        return relation;
    }

    /// <summary>The endpoint of relation <paramref name="relationId"/>, or <see langword="null"/> when there is no such relation.</summary>
    internal string? EndpointOf(int relationId) => relations.TryGetValue(relationId, out var relation) ? relation.Endpoint : null;

    private MemoryRelation Relation(int relationId) =>
        relations.TryGetValue(relationId, out var relation)
            ? relation
            : throw new KeyNotFoundException($"relation {relationId} does not exist in the model");

    private int Add(MemoryRelation relation)
    {
        relations[relation.Id] = relation;
        nextRelationId++;
        return relation.Id;
    }

    private static void Replace(Dictionary<string, string> bag, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        bag.Clear();
        foreach (var (key, value) in data)
        {
            bag[key] = value;
        }
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> bag) => new(bag, StringComparer.Ordinal);
}
