namespace Charmarr.Ops.Pebble;

/// <summary>A configuration layer to add to Pebble's plan.</summary>
public sealed record PebbleLayer
{
    /// <summary>A short summary.</summary>
    public string? Summary { get; init; }

    /// <summary>A longer description.</summary>
    public string? Description { get; init; }

    /// <summary>Services by name.</summary>
    public IReadOnlyDictionary<string, PebbleService> Services { get; init; } = new Dictionary<string, PebbleService>();

    /// <summary>Checks by name.</summary>
    public IReadOnlyDictionary<string, PebbleCheck> Checks { get; init; } = new Dictionary<string, PebbleCheck>();

    /// <summary>Log targets by name.</summary>
    public IReadOnlyDictionary<string, PebbleLogTarget> LogTargets { get; init; } = new Dictionary<string, PebbleLogTarget>();

    /// <summary>Reads a layer from YAML, as Pebble would: every service, check and log-target field with its
    /// kebab-case key, durations in Go's notation (<c>500ms</c>, <c>1m30s</c>).</summary>
    /// <param name="yaml">The layer's YAML.</param>
    /// <returns>The layer.</returns>
    /// <exception cref="FormatException">The YAML is malformed, or has a section, field or value Pebble does not
    /// accept (the message gives the line).</exception>
    public static PebbleLayer Parse(string yaml) => PebbleYamlReader.ReadLayer(yaml);

    /// <summary>Writes the layer as YAML in Pebble's field order; unset fields are left out, uid/gid 0 are kept.</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml() => PebbleYamlWriter.Write(this);

    /// <summary>Compares summary, description and every item by content.</summary>
    /// <param name="other">The other layer.</param>
    /// <returns>True when they hold the same configuration.</returns>
    public bool Equals(PebbleLayer? other) =>
        other is not null
        && Summary == other.Summary
        && Description == other.Description
        && LayerEquality.Maps(Services, other.Services)
        && LayerEquality.Maps(Checks, other.Checks)
        && LayerEquality.Maps(LogTargets, other.LogTargets);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Summary, Description, Services.Count, Checks.Count, LogTargets.Count);
}
