namespace Charmarr.Ops.Testing.Pebble;

/// <summary>Health checks: listing, start/stop, and the test's reports of each run's result.</summary>
public sealed partial class PebbleSimulator
{
    /// <summary><c>GET /v1/checks</c>: the checks of the plan (only those of <paramref name="level"/> when given), sorted by name.</summary>
    public IReadOnlyList<SimulatedCheckInfo> GetChecks(string? level = null, params IReadOnlyCollection<string> names)
    {
        lock (Parts.Gate)
        {
            return Parts.Checks.List(level, names);
        }
    }

    /// <summary><c>POST /v1/checks</c> with <c>start</c> or <c>stop</c>: returns the sorted names actually changed.</summary>
    public IReadOnlyList<string> ChecksAction(string action, params IReadOnlyList<string> checks)
    {
        lock (Parts.Gate)
        {
            return Parts.Checks.Act(action, checks);
        }
    }

    /// <summary><c>GET /v1/health</c>: false when a matching check is down (ready also covers alive checks).</summary>
    public bool IsHealthy(string? level = null, params IReadOnlyCollection<string> names) =>
        !GetChecks(null, names).Any(c => c.Status == "down" && level switch
        {
            "alive" => c.Level == "alive",
            "ready" => c.Level is "alive" or "ready",
            _ => true,
        });

    /// <summary>Test hook: a run of the check succeeded (recovers a down check, resets the failure count).</summary>
    public void ReportCheckSuccess(string name)
    {
        lock (Parts.Gate)
        {
            Parts.Checks.Report(name, success: true, error: null);
        }
    }

    /// <summary>
    /// Test hook: a run of the check failed. At the threshold its perform-check change errors with
    /// <paramref name="error"/>, the check goes down and a recover-check change starts (Juju's pebble-check-failed).
    /// </summary>
    public void ReportCheckFailure(string name, string? error = null)
    {
        lock (Parts.Gate)
        {
            Parts.Checks.Report(name, success: false, error);
        }
    }
}
