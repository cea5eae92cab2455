using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// Runs each benchmarked event of the packed charm many times, each run a new process started through its real
/// <c>dispatch</c> under the native hook-tool shims, and reports cold-start wall time, peak RSS and hook-tool calls.
/// </summary>
internal sealed class HookBenchmark(PlexDeployment deployment, PeakRssProbe? rss, int runs)
{
    private const double MedianTargetMs = 15;
    private const double RssTargetMb = 15;
    private const int RssRuns = 3;
    private const int PythonConfigChangedCalls = 17;

    /// <summary>The events measured: a label and the one-step scenario that fires it.</summary>
    public static IReadOnlyList<(string Label, string Step)> Events { get; } =
    [
        ("config-changed", "event: config-changed"),
        ("update-status", "event: update-status"),
        ("media-storage-relation-changed", "event: media-storage-relation-changed"),
        ("plex-pebble-ready", "pebble-ready: plex"),
        ("claim-server (action)", "action: {name: claim-server, params: {token: claim-benchmark0123, force: true}}"),
    ];

    /// <summary>Hook-tool calls of the last run of each event, by tool, for the notes under the table.</summary>
    public List<string> CallBreakdown { get; } = [];

    /// <summary>The figures, filled by <see cref="RunAsync"/>.</summary>
    public List<Figure> Figures { get; } = [];

    public async Task RunAsync()
    {
        var figures = Figures;
        foreach (var (label, step) in Events)
        {
            var scenario = ScenarioReader.Parse($"steps:\n  - {step}\n", label);
            await deployment.PlayAsync(scenario); // warms the page cache: the first run after pack reads the binary from disk
            var wall = new List<double>();
            EventRun last = null!;
            var kubernetesBefore = deployment.Unit.Kubernetes.Requests.Count;
            for (var i = 0; i < runs; i++)
            {
                last = await deployment.PlayAsync(scenario);
                wall.Add(last.Outcome.Elapsed.TotalMilliseconds);
            }

            var kubernetesCalls = (deployment.Unit.Kubernetes.Requests.Count - kubernetesBefore) / runs;
            var median = Stats.Median(wall);
            figures.Add(new Figure(label, $"wall, median of {runs}", ReportTable.Milliseconds(median), Target.AtMost(median, MedianTargetMs, "ms")));
            figures.Add(new Figure(label, "wall, p90", ReportTable.Milliseconds(Stats.Percentile(wall, 90))));
            figures.Add(await PeakRssAsync(label, scenario, kubernetesCalls));
            figures.Add(new Figure(label, "hook-tool calls", last.Calls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), CallsTarget(label, last.Calls.Count)));
            figures.Add(new Figure(label, "Kubernetes API calls", kubernetesCalls.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            CallBreakdown.Add($"{label}: " + string.Join(", ", last.Calls.GroupBy(c => c.Tool).Select(g => $"{g.Key} ×{g.Count()}")));
        }
    }

    private async Task<Figure> PeakRssAsync(string label, Scenario scenario, int kubernetesCalls)
    {
        var measure = $"peak RSS, max of {RssRuns}";
        if (rss is null)
        {
            return new Figure(label, measure, $"n/a: {PeakRssProbe.GnuTime} is not installed (apt-get install time)");
        }

        long peak = 0;
        using (rss.Wrap(deployment.CharmDirectory))
        {
            for (var i = 0; i < RssRuns; i++)
            {
                File.Delete(rss.ReportFile);
                await deployment.PlayAsync(scenario);
                peak = Math.Max(peak, rss.ReadBytes());
            }
        }

        var target = kubernetesCalls == 0
            ? Target.AtMost(peak / 1e6, RssTargetMb, "MB")
            : new Target($"≤ {RssTargetMb} MB applies only without K8s calls", null);
        return new Figure(label, measure, ReportTable.Megabytes(peak), target);
    }

    private static Target? CallsTarget(string label, int calls) =>
        label == "config-changed" ? new Target($"fewer than Python ops' {PythonConfigChangedCalls}", calls < PythonConfigChangedCalls) : null;
}
