using Charmarr.Ops.Integration.Status;

namespace Charmarr.Ops.Integration.Waiting;

/// <summary>The usual <see cref="StatusCondition"/>s. With no application named, a condition covers every application
/// in the model; a named application that is not in the status fails "all" conditions.</summary>
public static class Conditions
{
    /// <summary>Every named application and each of its units has workload status <c>active</c>.</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AllActive(params string[] apps) => All("active", apps);

    /// <summary>Every named application and each of its units has workload status <c>blocked</c>.</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AllBlocked(params string[] apps) => All("blocked", apps);

    /// <summary>Every named application and each of its units has workload status <c>waiting</c>.</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AllWaiting(params string[] apps) => All("waiting", apps);

    /// <summary>Any unit (or application) of the named ones is in error: a failed hook, a failed agent.</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AnyError(params string[] apps) => new(
        $"any of {Name(apps)} in error",
        s => Selected(s, apps).Any(a => a.Value.IsError || a.Value.Units.Values.Any(u => u.IsError)));

    /// <summary>Any unit (or application) of the named ones is <c>blocked</c>.</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AnyBlocked(params string[] apps) => new(
        $"any of {Name(apps)} blocked",
        s => Selected(s, apps).Any(a => a.Value.IsBlocked || a.Value.Units.Values.Any(u => u.IsBlocked)));

    /// <summary>The unit agent of every unit of the named applications is <c>idle</c> (no hook running).</summary>
    /// <param name="apps">The applications; none means all.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition AllAgentsIdle(params string[] apps) => new(
        $"all unit agents of {Name(apps)} idle",
        s => Present(s, apps) && Selected(s, apps).All(a => a.Value.Units.Values.All(u => u.IsIdle)));

    /// <summary>An application has exactly this many units in the status.</summary>
    /// <param name="app">The application.</param>
    /// <param name="units">The number of units.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition UnitCount(string app, int units) => new(
        $"{app} has {units} unit(s)",
        s => s.Applications.TryGetValue(app, out var a) && a.Units.Count == units);

    /// <summary>One unit's workload status is <paramref name="workload"/>, and its message contains
    /// <paramref name="messageContains"/> when given.</summary>
    /// <param name="unit">The unit (<c>plex/1</c>).</param>
    /// <param name="workload">The workload status (<c>blocked</c>).</param>
    /// <param name="messageContains">Text the message must contain (ordinal), or <see langword="null"/>.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition UnitWorkload(string unit, string workload, string? messageContains = null) => new(
        messageContains is null ? $"{unit} {workload}" : $"{unit} {workload} with a message containing \"{messageContains}\"",
        s => s.GetUnit(unit) is { } u && u.WorkloadStatus.Current == workload
            && (messageContains is null || u.WorkloadStatus.Message.Contains(messageContains, StringComparison.Ordinal)));

    /// <summary>A condition of your own.</summary>
    /// <param name="description">What it means, for messages.</param>
    /// <param name="test">The test.</param>
    /// <returns>The condition.</returns>
    public static StatusCondition Custom(string description, Func<JujuStatus, bool> test) => new(description, test);

    private static StatusCondition All(string workload, string[] apps) => new(
        $"all of {Name(apps)} {workload}",
        s => Present(s, apps) && Selected(s, apps).All(a =>
            a.Value.ApplicationStatusInfo.Current == workload && a.Value.Units.Values.All(u => u.WorkloadStatus.Current == workload)));

    private static bool Present(JujuStatus status, string[] apps) =>
        apps.Length == 0 ? status.Applications.Count > 0 : apps.All(status.Applications.ContainsKey);

    private static IEnumerable<KeyValuePair<string, ApplicationStatus>> Selected(JujuStatus status, string[] apps) =>
        apps.Length == 0 ? status.Applications : status.Applications.Where(a => apps.Contains(a.Key));

    private static string Name(string[] apps) => apps.Length == 0 ? "every application" : string.Join(", ", apps);
}
