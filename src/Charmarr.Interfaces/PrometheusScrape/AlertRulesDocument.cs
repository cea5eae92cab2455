using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;

namespace Charmarr.Interfaces.PrometheusScrape;

/// <summary>
/// Builds the <c>alert_rules</c> document the COS libraries publish (cosl's <c>AlertRules.as_dict()</c>): group names
/// prefixed with the topology identifier and sanitised, topology labels added where absent, topology matchers injected
/// into every selector of each expression, and, for prometheus_scrape, cosl's generic <c>HostHealth</c> group last.
/// </summary>
internal static partial class AlertRulesDocument
{
    // The topology labels cosl injects into expressions: not the unit (rules are per application) nor the charm.
    private static readonly string[] ExpressionLabels = ["juju_model", "juju_model_uuid", "juju_application"];

    /// <summary>cosl's generic application rules (HostDown, HostMetricsMissing), added by the prometheus_scrape provider.</summary>
    public static AlertRuleGroup GenericHostHealth { get; } = new("HostHealth",
    [
        new AlertRule("HostDown", "up < 1")
        {
            For = "5m",
            Labels = new Dictionary<string, string> { ["severity"] = "critical" },
            Annotations = new Dictionary<string, string>
            {
                ["summary"] = "Host '{{ $labels.instance }}' is down.",
                ["description"] = "Juju application '{{ $labels.juju_application }}' in model '{{ $labels.juju_model }}' is down. Prometheus has been unable to scrape it during at least the past five minutes.",
            },
        },
        new AlertRule("HostMetricsMissing", "absent(up)")
        {
            For = "5m",
            Labels = new Dictionary<string, string> { ["severity"] = "warning" },
            Annotations = new Dictionary<string, string>
            {
                ["summary"] = "Unit '{{ $labels.juju_unit }}' of application '{{ $labels.juju_application }}' is down or failing to remote write.",
                ["description"] = "`Up` missing for unit '{{ $labels.juju_unit }}' of application {{ $labels.juju_application }} in model {{ $labels.juju_model }}. Please ensure the unit or the collector scraping it is up and is able to successfully reach the metrics backend.",
            },
        },
    ]);

    /// <summary>The document: <c>{"groups": [...]}</c>, or <c>{}</c> when there is no group.</summary>
    /// <param name="groups">The charm's groups, in order.</param>
    /// <param name="topology">The publishing unit's topology.</param>
    /// <returns>The JSON tree.</returns>
    public static JsonObject Build(IEnumerable<AlertRuleGroup> groups, JujuTopology topology)
    {
        var array = new JsonArray();
        foreach (var group in groups)
        {
            array.Add((JsonNode)Group(group, topology));
        }

        return array.Count == 0 ? [] : new JsonObject { ["groups"] = array };
    }

    private static JsonObject Group(AlertRuleGroup group, JujuTopology topology)
    {
        var name = group.Name;
        if (!AlreadyModified().IsMatch(name))
        {
            name = $"{topology.Identifier}_{name}";
            if (!name.EndsWith("_rules", StringComparison.Ordinal))
            {
                name += "_rules";
            }
        }

        var rules = new JsonArray();
        foreach (var rule in group.Rules)
        {
            rules.Add((JsonNode)Rule(rule, topology));
        }

        return new JsonObject { ["name"] = Sanitize(name), ["rules"] = rules };
    }

    private static JsonObject Rule(AlertRule rule, JujuTopology topology)
    {
        var labels = new Dictionary<string, string>(rule.Labels, StringComparer.Ordinal);
        var labelsNode = new JsonObject();
        foreach (var (key, value) in rule.Labels)
        {
            labelsNode[key] = value;
        }

        foreach (var (key, value) in topology.LabelMatchers())
        {
            if (labels.TryAdd(key, value))
            {
                labelsNode[key] = value;
            }
        }

        var matchers = ExpressionLabels
            .Select(k => new KeyValuePair<string, string>(k, labels[k])).ToList();
        var node = new JsonObject
        {
            ["alert"] = rule.Alert,
            ["expr"] = PromQlTopology.Inject(TopologyPlaceholder().Replace(rule.Expr, ""), matchers),
        };
        if (rule.For is not null)
        {
            node["for"] = rule.For;
        }

        node["labels"] = labelsNode;
        if (rule.Annotations is not null)
        {
            var annotations = new JsonObject();
            foreach (var (key, value) in rule.Annotations)
            {
                annotations[key] = value;
            }

            node["annotations"] = annotations;
        }

        return node;
    }

    // Prometheus metric-name characters; anything else becomes '_'.
    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_'));

    [GeneratedRegex(@"^.*?_[\da-f]{8}_.*?rules$")]
    private static partial Regex AlreadyModified();

    [GeneratedRegex("%%juju_topology%%,?")]
    private static partial Regex TopologyPlaceholder();
}
