namespace Charmarr.Ops.Testing.Pebble;

/// <summary>What a services change did.</summary>
public enum ServiceChangeKind
{
    /// <summary><c>start</c> or <c>autostart</c>.</summary>
    Started,

    /// <summary><c>stop</c>.</summary>
    Stopped,

    /// <summary><c>restart</c>.</summary>
    Restarted,

    /// <summary><c>replan</c>: services whose configuration changed were stopped and started, enabled ones started.</summary>
    Replanned,
}

/// <summary>One services change the charm made in a container, as a typed fact.</summary>
/// <param name="Container">The container.</param>
/// <param name="Kind">What the charm asked for.</param>
/// <param name="Stopped">The services it stopped, in order.</param>
/// <param name="Started">The services it started, in order.</param>
public sealed record ServiceChange(string Container, ServiceChangeKind Kind, IReadOnlyList<string> Stopped, IReadOnlyList<string> Started)
{
    /// <summary>Whether the change stopped and then started <paramref name="service"/> (a restart, or a replan of a changed service).</summary>
    /// <param name="service">The service.</param>
    /// <returns>Whether it was restarted.</returns>
    public bool Restarts(string service) => Stopped.Contains(service) && Started.Contains(service);
}
