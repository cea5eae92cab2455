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
}
