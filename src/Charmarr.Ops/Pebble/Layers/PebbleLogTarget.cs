namespace Charmarr.Ops.Pebble;

/// <summary>Where Pebble forwards service logs.</summary>
public sealed record PebbleLogTarget
{
    /// <summary>How it combines with lower layers (required in a layer).</summary>
    public PebbleOverride? Override { get; init; }

    /// <summary>The kind of target: <c>loki</c>, <c>opentelemetry</c> or <c>syslog</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The target's URL (syslog: <c>tcp://host:port</c> or <c>udp://host:port</c>).</summary>
    public string? Location { get; init; }

    /// <summary>Which services' logs: names, <c>all</c>, <c>-name</c>, <c>-all</c> (appended on merge; the last match wins).</summary>
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>Labels added to each line (merged per key).</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Compares every field; services and labels by content.</summary>
    /// <param name="other">The other log target.</param>
    /// <returns>True when they configure the same target.</returns>
    public bool Equals(PebbleLogTarget? other) =>
        other is not null
        && Override == other.Override
        && Type == other.Type
        && Location == other.Location
        && LayerEquality.Lists(Services, other.Services)
        && LayerEquality.Maps(Labels, other.Labels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Override, Type, Location, LayerEquality.Count(Services), LayerEquality.Count(Labels));
}
