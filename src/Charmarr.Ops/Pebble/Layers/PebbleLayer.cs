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
}
