using System.Net;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Microsoft.Extensions.Logging;

namespace Charmarr.Interfaces.PrometheusScrape;

/// <summary>
/// The providing side of <c>prometheus_scrape</c> (Prometheus's <c>metrics-endpoint</c>), byte-compatible with the
/// prometheus_scrape library's <c>MetricsEndpointProvider</c> (v0): the leader writes <c>scrape_metadata</c> (the
/// topology), <c>scrape_jobs</c> and <c>alert_rules</c> to the application databag; every unit writes its
/// <c>prometheus_scrape_unit_address</c>, <c>prometheus_scrape_unit_name</c> and <c>prometheus_scrape_unit_fqdn</c>.
/// It publishes on its relations' joined and changed events, on update-status, leader-elected and upgrade-charm, and
/// whenever the charm calls <see cref="Publish"/> (e.g. when the exporter's container became ready).
/// </summary>
public sealed class MetricsEndpointProvider : RelationInterface
{
    private readonly IReadOnlyList<PrometheusScrapeJob> jobs;
    private readonly IReadOnlyList<AlertRuleGroup> alertRules;

    /// <summary>Creates the provider.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="jobs">The scrape jobs; the library's default job (<c>*:80</c>, <c>/metrics</c>) when empty.</param>
    /// <param name="alertRules">The charm's alert rule groups; cosl's generic HostHealth group is always added after them.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public MetricsEndpointProvider(CharmObject parent, IReadOnlyList<PrometheusScrapeJob> jobs, IReadOnlyList<AlertRuleGroup> alertRules, string endpoint = "metrics-endpoint")
        : base(parent, endpoint, raisesChanged: false)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(alertRules);
        this.jobs = jobs.Count > 0 ? jobs : [new PrometheusScrapeJob([new PrometheusStaticConfig(["*:80"])])];
        this.alertRules = alertRules;
        Observe<RelationJoinedEvent>(endpoint, _ => Publish());
        Observe<RelationChangedEvent>(endpoint, _ => Publish());
        Observe<UpdateStatusEvent>(_ => Publish());
        Observe<LeaderElectedEvent>(_ => Publish());
        Observe<UpgradeCharmEvent>(_ => Publish());
    }

    /// <summary>Writes this unit's address to every relation, and, on the leader, the jobs, topology and alert rules.</summary>
    public void Publish()
    {
        var relations = Relations;
        if (relations.Count == 0)
        {
            return;
        }

        var topology = JujuTopology.FromModel(Model);
        foreach (var relation in relations)
        {
            relation.LocalUnitData.Update(UnitData(relation));
        }

        if (!Model.Unit.IsLeader)
        {
            return;
        }

        var app = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["scrape_metadata"] = ScrapeMetadata(topology),
            ["scrape_jobs"] = ScrapeJobs(jobs),
            ["alert_rules"] = AlertRules(alertRules, topology),
        };
        foreach (var relation in relations)
        {
            relation.LocalAppData.Update(app);
        }
    }

    /// <summary>The <c>scrape_metadata</c> value: the topology as cosl's <c>as_dict()</c>.</summary>
    internal static string ScrapeMetadata(JujuTopology topology)
    {
        var node = new JsonObject();
        foreach (var (key, value) in topology.AsDict())
        {
            node[key] = value;
        }

        return PythonJson.Dumps(node);
    }

    /// <summary>The <c>scrape_jobs</c> value: each job as the library sanitises it (metrics_path and static_configs first).</summary>
    internal static string ScrapeJobs(IEnumerable<PrometheusScrapeJob> jobs)
    {
        var array = new JsonArray();
        foreach (var job in jobs)
        {
            var node = new JsonObject { ["metrics_path"] = job.MetricsPath, ["static_configs"] = StaticConfigs(job.StaticConfigs) };
            AddIfSet(node, "job_name", job.JobName);
            AddIfSet(node, "scrape_interval", job.ScrapeInterval);
            AddIfSet(node, "scrape_timeout", job.ScrapeTimeout);
            AddIfSet(node, "scheme", job.Scheme);
            array.Add((JsonNode)node);
        }

        return PythonJson.Dumps(array);
    }

    /// <summary>The <c>alert_rules</c> value: the charm's groups, then cosl's generic HostHealth group.</summary>
    internal static string AlertRules(IEnumerable<AlertRuleGroup> groups, JujuTopology topology) =>
        PythonJson.Dumps(AlertRulesDocument.Build(groups.Append(AlertRulesDocument.GenericHostHealth), topology));

    private Dictionary<string, string?> UnitData(Relation relation)
    {
        // The library's choice: the bind address when it is an IP, else the FQDN; in a Juju sidecar pod socket.getfqdn()
        // is <unit-with-dash>.<app>-endpoints.<model>.svc.cluster.local.
        var fqdn = $"{Model.Unit.Name.Replace('/', '-')}.{Model.App.Name}-endpoints.{Model.Name}.svc.cluster.local";
        var bind = BindAddress(relation);
        var address = bind is not null && IPAddress.TryParse(bind, out _) ? bind : fqdn;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["prometheus_scrape_unit_address"] = address,
            ["prometheus_scrape_unit_path"] = "",
            ["prometheus_scrape_unit_name"] = Model.Unit.Name,
            ["prometheus_scrape_unit_fqdn"] = fqdn,
        };
    }

    // network-get's bind address; none when the unit agent cannot say (the FQDN is used instead, as for a non-IP address).
    private string? BindAddress(Relation relation)
    {
        try
        {
            return Model.GetNetwork(Endpoint, relation).BindAddress;
        }
        catch (JujuModelException e)
        {
            Logger.LogDebug("network-get {Endpoint} failed ({Message}); publishing the unit's FQDN", Endpoint, e.Message);
            return null;
        }
    }

    private static JsonArray StaticConfigs(IEnumerable<PrometheusStaticConfig> configs)
    {
        var array = new JsonArray();
        foreach (var config in configs)
        {
            var targets = new JsonArray();
            foreach (var target in config.Targets)
            {
                targets.Add((JsonNode)target);
            }

            var node = new JsonObject { ["targets"] = targets };
            if (config.Labels is { } labels)
            {
                var labelsNode = new JsonObject();
                foreach (var (key, value) in labels)
                {
                    labelsNode[key] = value;
                }

                node["labels"] = labelsNode;
            }

            array.Add((JsonNode)node);
        }

        return array;
    }

    private static void AddIfSet(JsonObject node, string key, string? value)
    {
        if (value is not null)
        {
            node[key] = value;
        }
    }
}
