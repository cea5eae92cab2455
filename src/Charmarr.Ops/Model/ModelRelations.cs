using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Model;

/// <summary>The charm's relations by endpoint. <c>relation-ids</c> is asked once per endpoint per dispatch.
/// The relation being broken in a relation-broken hook is left out, as it is going away.</summary>
public sealed class ModelRelations
{
    private readonly CharmModel model;
    private readonly Dictionary<string, IReadOnlyList<Relation>> byEndpoint = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Relation> byId = [];

    internal ModelRelations(CharmModel model)
    {
        this.model = model;
    }

    /// <summary>The live relations on an endpoint.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <returns>The relations, by ascending id.</returns>
    /// <exception cref="KeyNotFoundException">The metadata declares no such endpoint.</exception>
    public IReadOnlyList<Relation> Get(string endpoint)
    {
        var meta = Meta(endpoint);
        if (!byEndpoint.TryGetValue(endpoint, out var relations))
        {
            relations = model.Backend.GetRelationIds(endpoint)
                .Where(id => id != model.BrokenRelationId)
                .Select(id => Get(meta, id, active: true))
                .ToList();
            byEndpoint[endpoint] = relations;
        }

        return relations;
    }

    /// <summary>The one relation on an endpoint, or <see langword="null"/> when there is none.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <returns>The relation, or <see langword="null"/>.</returns>
    /// <exception cref="TooManyRelatedAppsException">The endpoint has more than one relation.</exception>
    public Relation? GetSingle(string endpoint)
    {
        var relations = Get(endpoint);
        return relations.Count switch
        {
            0 => null,
            1 => relations[0],
            _ => throw new TooManyRelatedAppsException($"endpoint '{endpoint}' has {relations.Count} relations where one was expected"),
        };
    }

    /// <summary>A relation by endpoint and id, live or not. A relation that no longer exists has <see cref="Relation.IsActive"/> false.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <param name="id">The relation id.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="KeyNotFoundException">The metadata declares no such endpoint.</exception>
    public Relation Get(string endpoint, int id)
    {
        var meta = Meta(endpoint);
        var active = id != model.BrokenRelationId && Get(endpoint).Any(r => r.Id == id);
        return Get(meta, id, active);
    }

    /// <summary>Every live relation of the charm, on all endpoints.</summary>
    /// <returns>The relations.</returns>
    public IReadOnlyList<Relation> All() => model.Metadata.Relations.Keys.SelectMany(Get).ToList();

    private Relation Get(RelationMeta meta, int id, bool active)
    {
        if (!byId.TryGetValue(id, out var relation))
        {
            relation = new Relation(model, meta, id, active);
            byId[id] = relation;
        }

        return relation;
    }

    private RelationMeta Meta(string endpoint) =>
        model.Metadata.Relations.TryGetValue(endpoint, out var meta)
            ? meta
            : throw new KeyNotFoundException($"endpoint '{endpoint}' is not declared in the charm's metadata (declared: {string.Join(", ", model.Metadata.Relations.Keys)})");
}
