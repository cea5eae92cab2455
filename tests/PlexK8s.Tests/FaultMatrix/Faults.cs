namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>Where a fault is.</summary>
internal enum FaultFamily
{
    /// <summary>No fault: the baseline.</summary>
    None,

    /// <summary>A hook tool exits non-zero.</summary>
    HookTool,

    /// <summary>The plex container's Pebble misbehaves.</summary>
    Pebble,

    /// <summary>The Kubernetes API misbehaves.</summary>
    Kubernetes,
}

/// <summary>One column of the matrix.</summary>
/// <param name="Family">Where.</param>
/// <param name="Name">The column's name (e.g. <c>relation-get exit 1</c>, <c>Pebble silent</c>, <c>K8s 409</c>).</param>
/// <param name="Tool">The failing hook tool.</param>
/// <param name="Code">The tool's exit code, or the Kubernetes status code (0 for unreachable/silent).</param>
/// <param name="Kind">The Pebble or Kubernetes fault: absent, silent, 500, dropped, status, unreachable.</param>
internal sealed record Fault(FaultFamily Family, string Name, string? Tool = null, int Code = 0, string? Kind = null)
{
    public static Fault None { get; } = new(FaultFamily.None, "none");

    /// <summary>The hook tools plex-k8s calls in some event (the others it never calls).</summary>
    public static IReadOnlyList<string> Tools { get; } =
    [
        "is-leader", "config-get", "relation-ids", "relation-list", "relation-get", "relation-set", "goal-state", "status-set",
        "state-get", "state-set", "juju-log", "action-get", "action-set", "action-fail", "action-log", "application-version-set",
        "opened-ports", "open-port", "network-get",
    ];

    public static IEnumerable<Fault> HookTools() =>
        Tools.SelectMany(t => new[] { 1, 2 }.Select(code => new Fault(FaultFamily.HookTool, $"{t} exit {code}", t, code)));

    public static IEnumerable<Fault> Pebbles() =>
        new[] { "absent", "silent", "500", "dropped", "500 after connect", "dropped after connect", "trickle", "trickle after connect" }.Select(k => new Fault(FaultFamily.Pebble, $"Pebble {k}", Kind: k));

    public static IEnumerable<Fault> Kubernetes() =>
        new[] { 403, 404, 409, 429, 500 }.Select(c => new Fault(FaultFamily.Kubernetes, $"K8s {c}", Code: c, Kind: "status"))
            .Concat(new[] { "unreachable", "silent" }.Select(k => new Fault(FaultFamily.Kubernetes, $"K8s {k}", Kind: k)));

    public static IEnumerable<Fault> Of(FaultFamily family) => family switch
    {
        FaultFamily.HookTool => HookTools(),
        FaultFamily.Pebble => Pebbles(),
        FaultFamily.Kubernetes => Kubernetes(),
        _ => [None],
    };
}

/// <summary>What one cell did.</summary>
/// <param name="Event">The event.</param>
/// <param name="Fault">The fault.</param>
/// <param name="ExitCode">The dispatch's exit code (null when it hung).</param>
/// <param name="Status">The unit status at the end.</param>
/// <param name="ActionFailure">The action's failure message, for an action.</param>
/// <param name="Exception">The exception that ended the hook, if one did.</param>
/// <param name="ErrorLogs">The juju-log lines at ERROR or above.</param>
/// <param name="Elapsed">How long the dispatch took.</param>
/// <param name="FaultHit">Whether the charm ran into the fault (called the tool, talked to Pebble or Kubernetes).</param>
internal sealed record CellOutcome(
    string Event,
    Fault Fault,
    int? ExitCode,
    Ops.Model.Status Status,
    string? ActionFailure,
    Exception? Exception,
    IReadOnlyList<string> ErrorLogs,
    TimeSpan Elapsed,
    bool FaultHit)
{
    /// <summary>An exception type of Charmarr's own (typed), as opposed to a raw BCL one escaping.</summary>
    public bool ExceptionIsTyped => Exception is null || Exception.GetType().Namespace?.StartsWith("Charmarr.", StringComparison.Ordinal) == true;

    public bool Hung => ExitCode is null;
}
