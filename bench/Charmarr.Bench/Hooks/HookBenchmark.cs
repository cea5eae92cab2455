using System.Globalization;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// Runs each benchmarked event of a packed charm many times, each run a new process started through its real
/// <c>dispatch</c> under the native hook-tool shims, and reports cold-start wall time, peak RSS, hook-tool and
/// Kubernetes calls, and the charm's own time once the shims' round trips are taken out.
/// </summary>
/// <param name="unit">The emulated unit, already brought to where its hooks do their full work.</param>
/// <param name="rss">Measures peak RSS; <see langword="null"/> when GNU time is missing.</param>
/// <param name="runs">Timed runs per event.</param>
/// <param name="shimRoundTripMs">The median round trip of one hook tool through the shim (<see cref="ShimRoundTrip"/>).</param>
internal sealed class HookBenchmark(BenchUnit unit, PeakRssProbe? rss, int runs, double shimRoundTripMs)
{
    private const double MedianTargetMs = 15;
    // Issue 20: ≤ 12 MB for a hook that makes no Kubernetes call, ≤ 15 MB for one that does.
    private const double RssTargetMb = 12;
    private const double RssWithKubernetesTargetMb = 15;
    private const int RssRuns = 3;
    private const int PythonConfigChangedCalls = 17;

    /// <summary>Hook-tool calls of the last run of each event, by tool, for the notes under the table.</summary>
    public List<string> CallBreakdown { get; } = [];

    /// <summary>The figures, filled by <see cref="RunAsync"/>.</summary>
    public List<Figure> Figures { get; } = [];

    public async Task RunAsync(IReadOnlyList<HookEvent> events)
    {
        foreach (var hookEvent in events)
        {
            var label = hookEvent.Label;
            var scenario = hookEvent.Scenario();
            await unit.PlayAsync(scenario); // warms the page cache: the first run after pack reads the binary from disk
            var wall = new List<double>();
            EventRun last = null!;
            var kubernetesBefore = unit.Unit.Kubernetes.Requests.Count;
            for (var i = 0; i < runs; i++)
            {
                last = await unit.PlayAsync(scenario);
                wall.Add(last.Outcome.Elapsed.TotalMilliseconds);
            }

            var kubernetesCalls = (unit.Unit.Kubernetes.Requests.Count - kubernetesBefore) / runs;
            var median = Stats.Median(wall);
            var calls = last.Calls.Count;
            Figures.Add(new Figure(label, $"wall, median of {runs}", ReportTable.Milliseconds(median), Target.AtMost(median, MedianTargetMs, "ms")));
            Figures.Add(new Figure(label, "wall, p90", ReportTable.Milliseconds(Stats.Percentile(wall, 90))));
            Figures.Add(OwnTime(label, median, calls));
            Figures.Add(await PeakRssAsync(label, scenario, kubernetesCalls));
            Figures.Add(new Figure(label, "hook-tool calls", calls.ToString(CultureInfo.InvariantCulture), CallsTarget(label, calls)));
            Figures.Add(new Figure(label, "Kubernetes API calls", kubernetesCalls.ToString(CultureInfo.InvariantCulture)));
            CallBreakdown.Add($"{label}: " + string.Join(", ", last.Calls.GroupBy(c => c.Tool).Select(g => $"{g.Key} ×{g.Count()}")));
        }
    }

    // What is left of the median once each hook-tool call is counted at the shim's own round trip: the charm's start-up,
    // logic, Pebble and Kubernetes traffic. In Juju each call is a jujuc process and an agent round trip instead.
    private Figure OwnTime(string label, double median, int calls)
    {
        var shims = calls * shimRoundTripMs;
        return new Figure(
            label,
            "charm's own time ≈ wall − calls × shim round trip",
            string.Create(CultureInfo.InvariantCulture, $"{median - shims:0.0} ms ({median:0.0} − {calls} × {shimRoundTripMs:0.0})"));
    }

    private async Task<Figure> PeakRssAsync(string label, Scenario scenario, int kubernetesCalls)
    {
        var measure = $"peak RSS, max of {RssRuns}";
        if (rss is null)
        {
            return new Figure(label, measure, $"n/a: {PeakRssProbe.GnuTime} is not installed (apt-get install time)");
        }

        long peak = 0;
        using (rss.Wrap(unit.CharmDirectory))
        {
            for (var i = 0; i < RssRuns; i++)
            {
                File.Delete(rss.ReportFile);
                await unit.PlayAsync(scenario);
                peak = Math.Max(peak, rss.ReadBytes());
            }
        }

        var target = Target.AtMost(peak / 1e6, kubernetesCalls == 0 ? RssTargetMb : RssWithKubernetesTargetMb, "MB");
        return new Figure(label, measure, ReportTable.Megabytes(peak), target);
    }

    private static Target? CallsTarget(string label, int calls) =>
        label == "config-changed" ? new Target($"fewer than Python ops' {PythonConfigChangedCalls}", calls < PythonConfigChangedCalls) : null;
}
