namespace Charmarr.Ops.Pebble;

/// <summary>Pebble's combined plan: every layer merged, as <c>GET /v1/plan</c> returns it.</summary>
public sealed record PebblePlan
{
    /// <summary>Services by name.</summary>
    public IReadOnlyDictionary<string, PebbleService> Services { get; init; } = new Dictionary<string, PebbleService>();

    /// <summary>Checks by name.</summary>
    public IReadOnlyDictionary<string, PebbleCheck> Checks { get; init; } = new Dictionary<string, PebbleCheck>();

    /// <summary>Log targets by name.</summary>
    public IReadOnlyDictionary<string, PebbleLogTarget> LogTargets { get; init; } = new Dictionary<string, PebbleLogTarget>();

    /// <summary>The plan's YAML text as Pebble sent it.</summary>
    public string Yaml { get; init; } = string.Empty;

    /// <summary>Reads a plan from the YAML Pebble renders. Sections and fields this version does not know (such as
    /// <c>workloads</c>, or what a newer Pebble adds) are ignored rather than failing.</summary>
    /// <param name="yaml">The plan's YAML.</param>
    /// <returns>The plan, with <see cref="Yaml"/> set to the text.</returns>
    /// <exception cref="FormatException">The YAML is malformed or a known field has a value of the wrong type.</exception>
    public static PebblePlan Parse(string yaml) => PebbleYamlReader.ReadPlan(yaml);

    /// <summary>Compares services, checks and log targets by content; the YAML text is not compared, since the same
    /// plan can be written in more than one way.</summary>
    /// <param name="other">The other plan.</param>
    /// <returns>True when they hold the same configuration.</returns>
    public bool Equals(PebblePlan? other) =>
        other is not null
        && LayerEquality.Maps(Services, other.Services)
        && LayerEquality.Maps(Checks, other.Checks)
        && LayerEquality.Maps(LogTargets, other.LogTargets);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Services.Count, Checks.Count, LogTargets.Count);
}
