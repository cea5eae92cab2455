namespace Charmarr.Ops.Backend;

/// <summary>One entry of <c>goal-state</c>: a unit's or relation member's expected status.</summary>
/// <param name="Status">The status word, e.g. <c>active</c>, <c>waiting</c>, <c>joined</c>, <c>dying</c>.</param>
/// <param name="Since">When it entered that status, if Juju says.</param>
public sealed record GoalStateEntry(string Status, DateTimeOffset? Since);

/// <summary>What <c>goal-state</c> reports: the units this application should have and the relations' members.</summary>
/// <param name="Units">This application's units by name.</param>
/// <param name="Relations">By endpoint, then by remote application or unit name.</param>
public sealed record GoalState(
    IReadOnlyDictionary<string, GoalStateEntry> Units,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, GoalStateEntry>> Relations);
