namespace Charmarr.Interfaces.PrometheusScrape;

/// <summary>
/// One Prometheus scrape job a charm asks for, the subset of Prometheus's <c>scrape_config</c> the prometheus_scrape
/// library forwards. A target <c>*:9594</c> means "port 9594 of every unit of this application".
/// </summary>
/// <param name="StaticConfigs">The targets, e.g. <c>[new(["*:9594"])]</c>.</param>
public sealed record PrometheusScrapeJob(IReadOnlyList<PrometheusStaticConfig> StaticConfigs)
{
    /// <summary>The job's name (Prometheus prefixes it with the topology); none by default.</summary>
    public string? JobName { get; init; }

    /// <summary>The HTTP path of the metrics; <c>/metrics</c> by default (the library's default job).</summary>
    public string MetricsPath { get; init; } = "/metrics";

    /// <summary>How often to scrape, e.g. <c>30s</c>; Prometheus's default when unset.</summary>
    public string? ScrapeInterval { get; init; }

    /// <summary>The scrape's timeout, e.g. <c>10s</c>; Prometheus's default when unset.</summary>
    public string? ScrapeTimeout { get; init; }

    /// <summary><c>http</c> or <c>https</c>; <c>http</c> when unset.</summary>
    public string? Scheme { get; init; }
}

/// <summary>A list of scrape targets with labels of their own.</summary>
/// <param name="Targets"><c>host:port</c> targets; <c>*</c> as the host stands for each unit's address.</param>
/// <param name="Labels">Extra labels for every series scraped from these targets; none by default.</param>
public sealed record PrometheusStaticConfig(IReadOnlyList<string> Targets, IReadOnlyDictionary<string, string>? Labels = null);
