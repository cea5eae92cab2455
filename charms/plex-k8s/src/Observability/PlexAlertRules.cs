using Charmarr.Interfaces.PrometheusScrape;

namespace Charmarr.PlexK8s.Observability;

/// <summary>The alert rules the charm gives Prometheus over metrics-endpoint (the topology is added by the provider).</summary>
internal static class PlexAlertRules
{
    /// <summary>The <c>plex</c> group: Plex down (the exporter cannot reach it) and the exporter down (no scrape succeeds).</summary>
    public static AlertRuleGroup Group { get; } = new("plex",
    [
        new AlertRule("PlexDown", "plex_up < 1")
        {
            For = "5m",
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["severity"] = "critical" },
            Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["summary"] = "Plex Media Server of '{{ $labels.juju_application }}' is down.",
                ["description"] = "The exporter of unit '{{ $labels.juju_unit }}' in model '{{ $labels.juju_model }}' has not reached Plex for five minutes. Check `juju status` and the plex container's logs.",
            },
        },
        new AlertRule("PlexExporterDown", "up < 1")
        {
            For = "5m",
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["severity"] = "warning" },
            Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["summary"] = "The Plex exporter of '{{ $labels.juju_application }}' is not answering.",
                ["description"] = "Prometheus has not scraped {{ $labels.instance }} for five minutes: the plex-exporter container is down, or the server is not claimed yet (the exporter starts after the claim).",
            },
        },
    ]);
}
