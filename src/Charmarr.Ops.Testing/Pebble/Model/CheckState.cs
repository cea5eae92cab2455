using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Testing.Pebble;

/// <summary>
/// A Pebble check's health: its status and how many runs passed since it (re)started and failed in a row. In the
/// state-transition API, <see cref="Passing"/> marks a check up in one step; a check-failed event leaves its check down
/// and a check-recovered event leaves it passing, whatever the input said.
/// </summary>
/// <param name="Status">Up, down or inactive.</param>
public sealed record CheckState(CheckStatus Status)
{
    /// <summary>A check that has passed once: up, one success, no failures.</summary>
    public static CheckState Passing { get; } = new(CheckStatus.Up) { Successes = 1 };

    /// <summary>A check that has not run yet: up (as Pebble starts it), no successes.</summary>
    public static CheckState Starting { get; } = new(CheckStatus.Up);

    /// <summary>A check that failed its threshold of times and is down.</summary>
    public static CheckState Down { get; } = new(CheckStatus.Down);

    /// <summary>A stopped or disabled check.</summary>
    public static CheckState Inactive { get; } = new(CheckStatus.Inactive);

    /// <summary>Successful runs since the check (re)started.</summary>
    public int Successes { get; init; }

    /// <summary>Failed runs in a row (for a down check, at least its threshold; on input, the threshold when 0).</summary>
    public int Failures { get; init; }

    internal static CheckState From(SimulatedCheckInfo info) =>
        new(new CheckStatus(info.Status)) { Successes = info.Successes, Failures = info.Failures };
}
