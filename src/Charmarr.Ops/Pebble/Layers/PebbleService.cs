namespace Charmarr.Ops.Pebble;

/// <summary>A service in a layer or plan. Unset (null) fields are absent from the YAML and inherit from lower layers
/// under <see cref="PebbleOverride.Merge"/>.</summary>
public sealed record PebbleService
{
    /// <summary>How it combines with lower layers (required in a layer).</summary>
    public PebbleOverride? Override { get; init; }

    /// <summary>A short summary.</summary>
    public string? Summary { get; init; }

    /// <summary>A longer description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether replan and autostart start it (unset = disabled).</summary>
    public ServiceStartup? Startup { get; init; }

    /// <summary>The command line, shell-quoted (not run by a shell); an optional trailing <c>[ default args ]</c> group.</summary>
    public string? Command { get; init; }

    /// <summary>Services this one starts after (appended on merge).</summary>
    public IReadOnlyList<string>? After { get; init; }

    /// <summary>Services this one starts before (appended on merge).</summary>
    public IReadOnlyList<string>? Before { get; init; }

    /// <summary>Services started with this one (appended on merge).</summary>
    public IReadOnlyList<string>? Requires { get; init; }

    /// <summary>Environment variables (merged per key).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Run as this user.</summary>
    public string? User { get; init; }

    /// <summary>Run as this uid (0 is a real value).</summary>
    public long? UserId { get; init; }

    /// <summary>Run as this group.</summary>
    public string? Group { get; init; }

    /// <summary>Run as this gid (0 is a real value).</summary>
    public long? GroupId { get; init; }

    /// <summary>The working directory.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>The workload (from the plan's <c>workloads</c> section) it belongs to.</summary>
    public string? Workload { get; init; }

    /// <summary>What to do when it exits with 0.</summary>
    public PebbleServiceAction? OnSuccess { get; init; }

    /// <summary>What to do when it exits non-zero.</summary>
    public PebbleServiceAction? OnFailure { get; init; }

    /// <summary>What to do when a check fails, per check (merged per key).</summary>
    public IReadOnlyDictionary<string, PebbleServiceAction>? OnCheckFailure { get; init; }

    /// <summary>The first restart delay (Pebble's default 500ms).</summary>
    public TimeSpan? BackoffDelay { get; init; }

    /// <summary>How much the delay grows per restart (default 2.0; at least 1.0).</summary>
    public double? BackoffFactor { get; init; }

    /// <summary>The longest restart delay (default 30s).</summary>
    public TimeSpan? BackoffLimit { get; init; }

    /// <summary>How long to wait after SIGTERM before SIGKILL (default 5s).</summary>
    public TimeSpan? KillDelay { get; init; }

    /// <summary>Compares every field; lists and maps by content (an absent one equals an empty one).</summary>
    /// <param name="other">The other service.</param>
    /// <returns>True when they configure the same service.</returns>
    public bool Equals(PebbleService? other) =>
        other is not null
        && Override == other.Override
        && Summary == other.Summary
        && Description == other.Description
        && Startup == other.Startup
        && Command == other.Command
        && LayerEquality.Lists(After, other.After)
        && LayerEquality.Lists(Before, other.Before)
        && LayerEquality.Lists(Requires, other.Requires)
        && LayerEquality.Maps(Environment, other.Environment)
        && User == other.User
        && UserId == other.UserId
        && Group == other.Group
        && GroupId == other.GroupId
        && WorkingDir == other.WorkingDir
        && Workload == other.Workload
        && OnSuccess == other.OnSuccess
        && OnFailure == other.OnFailure
        && LayerEquality.Maps(OnCheckFailure, other.OnCheckFailure)
        && BackoffDelay == other.BackoffDelay
        && BackoffFactor == other.BackoffFactor
        && BackoffLimit == other.BackoffLimit
        && KillDelay == other.KillDelay;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(
            HashCode.Combine(Override, Summary, Description, Startup, Command, User, UserId, Group),
            HashCode.Combine(GroupId, WorkingDir, Workload, OnSuccess, OnFailure, BackoffDelay, BackoffFactor, BackoffLimit),
            HashCode.Combine(KillDelay, LayerEquality.Count(After), LayerEquality.Count(Before), LayerEquality.Count(Requires), LayerEquality.Count(Environment), LayerEquality.Count(OnCheckFailure)));
}
