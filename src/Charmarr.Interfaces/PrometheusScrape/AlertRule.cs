namespace Charmarr.Interfaces.PrometheusScrape;

/// <summary>A Prometheus alerting rule, as in a rules file; the provider adds the topology to its labels and expression.</summary>
/// <param name="Alert">The alert's name, e.g. <c>PlexDown</c>.</param>
/// <param name="Expr">The PromQL expression, written as Prometheus prints it (e.g. <c>up &lt; 1</c>, <c>absent(plex_up)</c>).</param>
public sealed record AlertRule(string Alert, string Expr)
{
    /// <summary>How long the expression must hold before the alert fires, e.g. <c>5m</c>; none by default.</summary>
    public string? For { get; init; }

    /// <summary>Labels, e.g. <c>severity</c>; the topology labels are added to them.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations, e.g. <c>summary</c> and <c>description</c>; none by default.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

/// <summary>A named group of alerting rules (one rules file's group, or one single-rule file named by its file stem).</summary>
/// <param name="Name">The group's name; the provider prefixes it with the topology identifier and ends it with <c>_rules</c>.</param>
/// <param name="Rules">The rules.</param>
public sealed record AlertRuleGroup(string Name, IReadOnlyList<AlertRule> Rules);
