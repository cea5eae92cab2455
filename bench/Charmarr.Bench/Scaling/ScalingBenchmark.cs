using System.Text;
using Charmarr.Bench.Hooks;

namespace Charmarr.Bench.Scaling;

/// <summary>The stored keys at one size: what the grow action left, and what it cost.</summary>
/// <param name="StateBytes">Bytes of the stored-state key.</param>
/// <param name="Deferred">Deferred ticks.</param>
/// <param name="DeferredBytes">Bytes of the deferred-event key.</param>
/// <param name="GrowMs">Wall time of the grow action that got there (one run: set-up, not a timed figure).</param>
internal sealed record StoredLevel(int StateBytes, int Deferred, int DeferredBytes, double GrowMs)
{
    /// <summary>The larger of the two keys, against Juju's limit per key.</summary>
    public int LargestKeyBytes => Math.Max(StateBytes, DeferredBytes);
}

/// <summary>
/// Times the scaling charm's two kinds of work, each run a new process through the real <c>dispatch</c> under the
/// native hook-tool shims: members-relation-changed with 1 to 200 remote units, then update-status with stored state and
/// deferred events of 1 to 60 KiB each.
/// </summary>
internal sealed class ScalingBenchmark(BenchUnit unit, int runs)
{
    // A first guess of one deferred tick's JSON; each size then uses the figure read back from the size before.
    private const double FirstBytesPerNotice = 100;
    private const string StateKey = "ScalingCharm/state";
    private const string DeferredKey = "#deferred#";

    public async Task<IReadOnlyList<ScalingPoint>> RemoteUnitsAsync()
    {
        var points = new List<ScalingPoint>();
        foreach (var count in ScalingDeployment.RemoteUnits)
        {
            ScalingDeployment.JoinRemoteUnits(unit, count);
            points.Add(await TimeAsync(ScalingDeployment.MembersChanged, count));
        }

        return points;
    }

    public async Task<IReadOnlyList<(ScalingPoint Point, StoredLevel Level)>> StoredAsync()
    {
        var measured = new List<(ScalingPoint, StoredLevel)>();
        var bytesPerNotice = FirstBytesPerNotice;
        foreach (var kib in ScalingDeployment.StoredKiB)
        {
            // The payload's JSON wraps it in a few bytes ({"payload":"…","updates":N}); the queue in [ and ].
            var target = kib * 1024;
            var deferred = Math.Max(1, (int)((target - 2) / bytesPerNotice));
            var grow = await unit.PlayAsync(ScalingDeployment.Grow(target - 64, deferred).Scenario());
            var state = unit.Unit.Backend.UnitState;
            var level = new StoredLevel(Bytes(state, StateKey), deferred, Bytes(state, DeferredKey), grow.Outcome.Elapsed.TotalMilliseconds);
            bytesPerNotice = (double)level.DeferredBytes / deferred;
            measured.Add((await TimeAsync(ScalingDeployment.UpdateStatus, (level.StateBytes + level.DeferredBytes) / 1024.0), level));
        }

        return measured;
    }

    private async Task<ScalingPoint> TimeAsync(HookEvent hookEvent, double work)
    {
        var scenario = hookEvent.Scenario();
        await unit.PlayAsync(scenario); // untimed: the first run after a change reads what changed
        var wall = new List<double>();
        IReadOnlyList<ToolCalls> calls = [];
        for (var i = 0; i < runs; i++)
        {
            var run = await unit.PlayAsync(scenario);
            wall.Add(run.Outcome.Elapsed.TotalMilliseconds);
            calls = ToolCalls.Tally(run.Calls.Select(c => c.Tool));
        }

        return new ScalingPoint(work, calls, wall);
    }

    private static int Bytes(IReadOnlyDictionary<string, string> state, string key) =>
        state.TryGetValue(key, out var value)
            ? Encoding.UTF8.GetByteCount(value)
            : throw new BenchException($"the scaling charm left no '{key}' in its stored state (it has: {string.Join(", ", state.Keys)})");
}
