using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces.GrafanaDashboard;

/// <summary>
/// The providing side of <c>grafana_dashboard</c> (Grafana's <c>grafana-dashboard</c>), byte-compatible with the
/// grafana_dashboard library's <c>GrafanaDashboardProvider</c> (v0): the leader writes <c>dashboards</c>, a JSON object
/// with <c>templates</c> (each dashboard xz-compressed and base64-encoded, with its charm, topology and alternative uid)
/// and a <c>uuid</c> that changes whenever the templates do. Published on the relation's created event, leader-elected,
/// upgrade-charm and <see cref="Publish"/>; nothing is rewritten while the templates are unchanged.
/// </summary>
public sealed class GrafanaDashboardProvider : RelationInterface
{
    /// <summary>The application-databag key.</summary>
    public const string DashboardsKey = "dashboards";

    private readonly Lazy<IReadOnlyList<GrafanaDashboardFile>> dashboards;

    /// <summary>Creates the provider.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="dashboards">The charm's dashboards.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public GrafanaDashboardProvider(CharmObject parent, IReadOnlyList<GrafanaDashboardFile> dashboards, string endpoint = "grafana-dashboard")
        : this(parent, Given(dashboards), endpoint)
    {
    }

    /// <summary>
    /// Creates the provider with dashboards that are only loaded when they are published (a leader's dispatch that
    /// publishes), so every other dispatch skips reading them.
    /// </summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="dashboards">Loads the charm's dashboards (e.g. from the binary's embedded resources).</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public GrafanaDashboardProvider(CharmObject parent, Func<IReadOnlyList<GrafanaDashboardFile>> dashboards, string endpoint = "grafana-dashboard")
        : base(parent, endpoint, raisesChanged: false)
    {
        ArgumentNullException.ThrowIfNull(dashboards);
        this.dashboards = new Lazy<IReadOnlyList<GrafanaDashboardFile>>(dashboards, LazyThreadSafetyMode.None);
        Observe<RelationCreatedEvent>(endpoint, _ => Publish());
        Observe<LeaderElectedEvent>(_ => Publish());
        Observe<UpgradeCharmEvent>(_ => Publish());
    }

    /// <summary>Writes the dashboards to every relation whose data does not hold them yet (leader only).</summary>
    public void Publish()
    {
        var relations = Relations;
        if (relations.Count == 0 || !Model.Unit.IsLeader)
        {
            return;
        }

        var templates = Templates(dashboards.Value, JujuTopology.FromModel(Model));
        var wanted = PythonJson.Dumps(templates);
        foreach (var relation in relations)
        {
            if (PublishedTemplates(relation.LocalAppData.Get(DashboardsKey)) != wanted)
            {
                var value = new JsonObject { ["templates"] = templates.DeepClone(), ["uuid"] = Guid.NewGuid().ToString() };
                relation.LocalAppData.Set(DashboardsKey, PythonJson.Dumps(value));
            }
        }
    }

    /// <summary>The <c>templates</c> object: <c>file:&lt;stem&gt;</c> to each dashboard's stored object, in the given order.</summary>
    internal static JsonObject Templates(IEnumerable<GrafanaDashboardFile> files, JujuTopology topology)
    {
        var templates = new JsonObject();
        foreach (var file in files)
        {
            templates[DashboardTemplate.Id(file)] = DashboardTemplate.Build(file, topology);
        }

        return templates;
    }

    // The templates part of what is published, re-serialised, or null when there is none or it does not parse.
    private static string? PublishedTemplates(string? published)
    {
        try
        {
            return published is not null && JsonNode.Parse(published)?["templates"] is { } node ? PythonJson.Dumps(node) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Func<IReadOnlyList<GrafanaDashboardFile>> Given(IReadOnlyList<GrafanaDashboardFile> dashboards)
    {
        ArgumentNullException.ThrowIfNull(dashboards);
        return () => dashboards;
    }
}
