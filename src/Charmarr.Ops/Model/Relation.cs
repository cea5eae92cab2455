using Charmarr.Ops.Backend;
using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Model;

/// <summary>One relation: its remote application and units, and the databags on both sides.</summary>
public sealed class Relation
{
    private readonly CharmModel model;
    private readonly Dictionary<string, RelationDataBag> bags = new(StringComparer.Ordinal);
    private IReadOnlyList<Unit>? units;
    private Application? remoteApp;
    private bool remoteAppKnown;

    internal Relation(CharmModel model, RelationMeta meta, int id, bool active)
    {
        this.model = model;
        Meta = meta;
        Id = id;
        IsActive = active;
    }

    /// <summary>The endpoint name.</summary>
    public string Name => Meta.Name;

    /// <summary>The relation id.</summary>
    public int Id { get; }

    /// <summary>What the metadata declares about the endpoint.</summary>
    public RelationMeta Meta { get; }

    /// <summary>Whether this is a peer relation.</summary>
    public bool IsPeer => Meta.Role == RelationRole.Peer;

    /// <summary>Whether the relation is live: false once it is being broken or is gone.</summary>
    public bool IsActive { get; }

    /// <summary>The remote application (this application for a peer relation), or <see langword="null"/> when Juju does not know it yet.</summary>
    public Application? RemoteApp
    {
        get
        {
            if (!remoteAppKnown)
            {
                remoteApp = ResolveRemoteApp();
                remoteAppKnown = true;
            }

            return remoteApp;
        }
    }

    /// <summary>The remote units that have joined (other units, for a peer relation).</summary>
    public IReadOnlyList<Unit> Units => units ??= LoadUnits();

    /// <summary>This unit's databag: readable and writable.</summary>
    public RelationDataBag LocalUnitData => Bag(model.Unit.Name, isApp: false);

    /// <summary>This application's databag: the leader reads and writes it; other units may read it only on a peer relation.</summary>
    public RelationDataBag LocalAppData => Bag(model.App.Name, isApp: true);

    /// <summary>The remote application's databag (read-only).</summary>
    /// <exception cref="InvalidOperationException">The remote application is not known.</exception>
    public RelationDataBag RemoteAppData => Bag(
        (RemoteApp ?? throw new InvalidOperationException($"relation {this} has no known remote application yet")).Name,
        isApp: true);

    /// <summary>A unit's databag: this unit's is writable, any other is read-only.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The databag.</returns>
    public RelationDataBag UnitData(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Bag(unit.Name, isApp: false);
    }

    private RelationDataBag Bag(string owner, bool isApp)
    {
        var key = (isApp ? "app:" : "unit:") + owner;
        if (!bags.TryGetValue(key, out var bag))
        {
            bag = new RelationDataBag(model, this, owner, isApp);
            bags[key] = bag;
        }

        return bag;
    }

    private Application? ResolveRemoteApp()
    {
        if (IsPeer)
        {
            return model.App.Identity;
        }

        if (Units.Count > 0)
        {
            return Units[0].App;
        }

        if (model.Context.RelationId == Id && model.Context.RemoteApp is { } fromContext)
        {
            return new Application(fromContext);
        }

        if (!IsActive)
        {
            return null;
        }

        try
        {
            return model.Backend.GetRelationRemoteApp(Name, Id) is { } name ? new Application(name) : null;
        }
        catch (RelationNotFoundException)
        {
            return null;
        }
    }

    private List<Unit> LoadUnits()
    {
        var list = new List<Unit>();
        if (IsActive)
        {
            try
            {
                list.AddRange(model.Backend.GetRelationUnits(Name, Id).Select(u => new Unit(u)));
            }
            catch (RelationNotFoundException)
            {
                // Gone between relation-ids and relation-list: no units.
            }
        }

        return list;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}:{Id}";
}
