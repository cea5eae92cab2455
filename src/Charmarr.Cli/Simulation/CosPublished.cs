using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Pebble;

namespace Charmarr.Cli.Simulation;

/// <summary>What the charm published to a COS stand-in, as lines for the printout: each databag key with its value
/// summarised (dashboards by id and size, alert rules by name), and the Pebble log targets pointing at the stand-in.</summary>
internal static class CosPublished
{
    private const int MaxValue = 160;

    /// <summary>The lines.</summary>
    /// <param name="standIn">The stand-in.</param>
    /// <param name="appData">The charm's application data on the relation.</param>
    /// <param name="unitData">The charm's unit data on the relation.</param>
    /// <param name="plans">Each workload container's plan.</param>
    /// <returns>The lines, in order.</returns>
    public static IEnumerable<string> Describe(CosStandIn standIn, IReadOnlyDictionary<string, string> appData, IReadOnlyDictionary<string, string> unitData, IReadOnlyDictionary<string, PebblePlan> plans)
    {
        if (appData.Count == 0 && unitData.Count == 0)
        {
            yield return $"published nothing to {standIn.App} (the leader writes application data)";
        }

        foreach (var (key, value) in appData.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            yield return $"published to {standIn.App} (app) {key} = {Summarise(key, value)}";
        }

        foreach (var (key, value) in unitData.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            yield return $"published to {standIn.App} (unit) {key} = {Summarise(key, value)}";
        }

        foreach (var (container, plan) in plans.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (name, target) in plan.LogTargets.Where(t => t.Key.StartsWith(standIn.App + "/", StringComparison.Ordinal)))
            {
                yield return $"{container}: Pebble log target {name} ({target.Type}, services {string.Join(',', target.Services ?? [])}) → {target.Location}";
            }
        }
    }

    private static string Summarise(string key, string value)
    {
        try
        {
            return key switch
            {
                "dashboards" => Dashboards(JsonNode.Parse(value)),
                "alert_rules" => AlertRules(JsonNode.Parse(value)),
                _ => Shorten(value),
            };
        }
        catch (JsonException)
        {
            return Shorten(value);
        }
    }

    private static string Dashboards(JsonNode? node)
    {
        var templates = node?["templates"] as JsonObject ?? [];
        var described = templates.Select(t => string.Create(
            CultureInfo.InvariantCulture,
            $"{t.Key} ({(string?)t.Value?["charm"]}, {((string?)t.Value?["content"])?.Length ?? 0} characters of xz+base64)"));
        return $"{templates.Count} dashboard(s): {string.Join(", ", described)}";
    }

    private static string AlertRules(JsonNode? node)
    {
        var groups = node?["groups"] as JsonArray ?? [];
        var alerts = groups.SelectMany(g => g?["rules"] as JsonArray ?? []).Select(r => (string?)r?["alert"] ?? (string?)r?["record"]);
        return $"{groups.Count} group(s): {string.Join(", ", alerts)}";
    }

    private static string Shorten(string text) => text.Length <= MaxValue ? text : string.Concat(text.AsSpan(0, MaxValue - 1), "…");
}
