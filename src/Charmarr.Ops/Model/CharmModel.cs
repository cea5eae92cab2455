using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Model;

/// <summary>
/// The Juju model as this unit sees it during one dispatch: unit, application, config, relations, storage,
/// secrets, networks and resources. Lazy: nothing is asked of Juju until it is used, and answers that cannot
/// change within a hook (leadership, config, relation ids, planned units) are asked once.
/// </summary>
public sealed class CharmModel
{
    private readonly Dictionary<string, string> resources = new(StringComparer.Ordinal);

    /// <summary>Creates the model for one dispatch.</summary>
    /// <param name="backend">How to reach Juju.</param>
    /// <param name="context">The dispatch's Juju context.</param>
    /// <param name="metadata">The charm's metadata.</param>
    /// <param name="pebbleClients">Makes the containers' Pebble clients; null for the production ones over unix sockets.</param>
    public CharmModel(IJujuBackend backend, JujuContext context, CharmMetadata metadata, IPebbleClientFactory? pebbleClients = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metadata);
        Backend = backend;
        Context = context;
        Metadata = metadata;
        PebbleClients = pebbleClients ?? new PebbleClientFactory();
        Unit = new LocalUnit(this, context.UnitName);
        App = new LocalApplication(this, context.AppName);
        Config = new CharmConfig(this);
        Relations = new ModelRelations(this);
        Storages = new ModelStorage(this);
        Secrets = new ModelSecrets(this);
        BrokenRelationId = context.EventName.EndsWith("-relation-broken", StringComparison.Ordinal) ? context.RelationId : null;
    }

    /// <summary>The model's name.</summary>
    public string Name => Context.ModelName;

    /// <summary>The model's UUID.</summary>
    public string Uuid => Context.ModelUuid;

    /// <summary>The Juju version running the charm.</summary>
    public JujuVersion JujuVersion => Context.Version;

    /// <summary>The charm's metadata.</summary>
    public CharmMetadata Metadata { get; }

    /// <summary>This unit.</summary>
    public LocalUnit Unit { get; }

    /// <summary>This application.</summary>
    public LocalApplication App { get; }

    /// <summary>The charm's configuration.</summary>
    public CharmConfig Config { get; }

    /// <summary>The charm's relations.</summary>
    public ModelRelations Relations { get; }

    /// <summary>The charm's storage.</summary>
    public ModelStorage Storages { get; }

    /// <summary>Secrets: look up by id or label.</summary>
    public ModelSecrets Secrets { get; }

    internal IJujuBackend Backend { get; }

    internal IPebbleClientFactory PebbleClients { get; }

    internal JujuContext Context { get; }

    internal int? BrokenRelationId { get; }

    /// <summary>The network addresses of an endpoint or extra binding.</summary>
    /// <param name="binding">The binding name.</param>
    /// <param name="relation">A relation, for relation-specific addresses.</param>
    /// <returns>The network information.</returns>
    public NetworkInfo GetNetwork(string binding, Relation? relation = null)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!Metadata.Relations.ContainsKey(binding) && !Metadata.ExtraBindings.Contains(binding) && binding != "juju-info")
        {
            throw new KeyNotFoundException($"binding '{binding}' is neither an endpoint nor an extra binding of this charm");
        }

        return Backend.GetNetwork(binding, relation?.Id);
    }

    /// <summary>The local path of a charm resource (downloaded on first use; cached for the dispatch).</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The path.</returns>
    public string FetchResource(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Metadata.Resources.ContainsKey(name))
        {
            throw new KeyNotFoundException($"resource '{name}' is not declared in the charm's metadata");
        }

        if (!resources.TryGetValue(name, out var path))
        {
            path = Backend.GetResource(name);
            resources[name] = path;
        }

        return path;
    }
}
