using System.Diagnostics;
using System.Globalization;
using Charmarr.Bench.Hooks;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Bench.StandIns;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Peer;

/// <summary>
/// plex-k8s, the template charm and the Python ops peer side by side: the same events, each charm's dispatch started
/// with the environment its emulated unit gives it and the same stand-in hook-tool programs first on PATH (POSIX sh
/// answering what the in-memory Juju model answered when the event was recorded), interleaved per event in one run.
/// Each figure is printed with its ratio to the peer's median.
/// </summary>
internal sealed class PeerComparison
{
    /// <summary>The events compared, in order (stop last: it is the unit's last word in the recording).</summary>
    public static readonly IReadOnlyList<HookEvent> Events =
    [
        new("config-changed", "event: config-changed"),
        new("update-status", "event: update-status"),
        new("media-storage-relation-changed", "event: media-storage-relation-changed"),
        new("claim-server (action)", "action: {name: claim-server, params: {token: claim-benchmark0123, force: true}}"),
        new("stop (observed by none)", "event: stop"),
    ];

    private const double RatioTarget = 0.1;
    private const double WallTargetMs = 15;
    private const double UnobservedTargetMs = 5;
    private const int StandInRuns = 60;

    private readonly string workDirectory;
    private readonly int runs;
    private readonly string toolDirectory;
    private readonly string callLog;

    public PeerComparison(string workDirectory, int runs)
    {
        this.workDirectory = workDirectory;
        this.runs = runs;
        toolDirectory = Path.Combine(workDirectory, "stand-ins");
        callLog = Path.Combine(workDirectory, "stand-in-calls.txt");
    }

    /// <summary>Whether <paramref name="subject"/> runs <paramref name="hookEvent"/>: every charm but the peer and plex-k8s
    /// only gets the events it declares (config-changed, update-status, stop).</summary>
    /// <param name="subject">The charm.</param>
    /// <param name="hookEvent">The event.</param>
    /// <returns>Whether it is measured.</returns>
    public static bool Runs(ComparedCharm subject, HookEvent hookEvent) =>
        subject.Kind != CharmKind.Template || hookEvent.Label is "config-changed" or "update-status" || hookEvent.Label.StartsWith("stop", StringComparison.Ordinal);

    /// <summary>A figure's ratio to the peer's, as printed: <c>0.09 × peer</c>.</summary>
    /// <param name="value">The charm's median.</param>
    /// <param name="peer">The peer's median.</param>
    /// <returns>The text.</returns>
    public static string Ratio(double value, double peer) => string.Create(CultureInfo.InvariantCulture, $"{value / peer:0.00} × peer");

    /// <summary>Records each charm's events under the native shims, writes the stand-ins, then times the events.</summary>
    /// <param name="subjects">The charms, the peer among them, each on its emulated unit (kept running: Pebble and
    /// Kubernetes still answer from it).</param>
    /// <returns>The figures and notes.</returns>
    public async Task<(List<Figure> Figures, List<string> Notes)> RunAsync(IReadOnlyList<ComparedCharm> subjects)
    {
        var recorded = new Dictionary<(ComparedCharm, string), Dictionary<string, string>>();
        var answers = new List<RecordedAnswer>();
        foreach (var subject in subjects)
        {
            foreach (var hookEvent in Events.Where(e => Runs(subject, e)))
            {
                var environmentFile = Path.Combine(workDirectory, "dispatch-environment");
                EventRun run;
                using (DispatchEnvironment.Record(subject.Directory, environmentFile))
                {
                    run = await subject.Unit.PlayAsync(hookEvent.Scenario());
                }

                var environment = DispatchEnvironment.Read(environmentFile);
                recorded[(subject, hookEvent.Label)] = environment;
                var dispatchPath = environment.GetValueOrDefault("JUJU_DISPATCH_PATH", "");
                answers.AddRange(run.Calls.Select(c => new RecordedAnswer(Path.GetFileName(subject.Directory), dispatchPath, c.Tool, c.Args, c.ExitCode, c.Stdout, c.Stderr)));
            }
        }

        StandInTools.Write(toolDirectory, answers);
        var standIn = await StandInRoundTripAsync(recorded.First().Value, answers);
        var figures = new List<Figure>
        {
            new("hook-tool stand-in", $"POSIX sh round trip, median of {StandInRuns}", ReportTable.Milliseconds(standIn)),
        };
        var notes = new List<string>();
        var peer = subjects.Single(s => s.Kind == CharmKind.Peer);
        foreach (var hookEvent in Events)
        {
            var measured = subjects.Where(s => Runs(s, hookEvent)).ToList();
            var timings = await TimeAsync(hookEvent, measured, recorded);
            var peerMedian = Stats.Median(timings[peer].Wall);
            foreach (var subject in measured)
            {
                figures.AddRange(Figures(hookEvent, subject, timings[subject], peerMedian, standIn));
            }

            notes.Add($"{hookEvent.Label}: " + string.Join("; ", measured.Select(s => $"{s.Label} {string.Join(", ", timings[s].Calls.GroupBy(c => c).Select(g => $"{g.Key} ×{g.Count()}"))}")));
        }

        return (figures, notes);
    }

    private IEnumerable<Figure> Figures(HookEvent hookEvent, ComparedCharm subject, Timing timing, double peerMedian, double standIn)
    {
        var median = Stats.Median(timing.Wall);
        var label = hookEvent.Label;
        var isPeer = subject.Kind == CharmKind.Peer;
        var wall = string.Create(CultureInfo.InvariantCulture, $"{median:0.0} ms (p90 {Stats.Percentile(timing.Wall, 90):0.0})");
        yield return new Figure(label, $"{subject.Label}: wall, median of {runs}", isPeer ? wall : $"{wall}, {Ratio(median, peerMedian)}",
            subject.Kind == CharmKind.Plex ? new Target($"≤ {RatioTarget:0.0#} × peer", median / peerMedian <= RatioTarget) : null);
        var own = median - (timing.Calls.Count * standIn);
        var unobserved = label.StartsWith("stop", StringComparison.Ordinal);
        var calm = timing.KubernetesCalls == 0 && !label.Contains("claim", StringComparison.Ordinal);
        Target? ownTarget = subject.Kind != CharmKind.Plex ? null
            : unobserved ? Target.AtMost(own, UnobservedTargetMs, "ms (unobserved)")
            : calm ? Target.AtMost(median, WallTargetMs, "ms wall (no K8s/HTTP)")
            : new Target($"≤ {WallTargetMs:0} ms applies only without K8s/HTTP", null);
        yield return new Figure(
            label,
            $"{subject.Label}: calls, K8s calls; wall − calls × stand-in",
            string.Create(CultureInfo.InvariantCulture, $"{timing.Calls.Count}, {timing.KubernetesCalls}; {own:0.0} ms"),
            ownTarget);
    }

    private async Task<Dictionary<ComparedCharm, Timing>> TimeAsync(HookEvent hookEvent, List<ComparedCharm> subjects, Dictionary<(ComparedCharm, string), Dictionary<string, string>> recorded)
    {
        var environments = subjects.ToDictionary(s => s, s =>
        {
            var environment = DispatchEnvironment.WithTools(recorded[(s, hookEvent.Label)], toolDirectory);
            environment[StandInTools.CallLogVariable] = callLog;
            return environment;
        });
        var timings = subjects.ToDictionary(s => s, _ => new Timing());
        var kubernetesBefore = subjects.ToDictionary(s => s, s => s.Unit.Unit.Kubernetes.Requests.Count);
        for (var i = -1; i < runs; i++)
        {
            // Interleaved, each round in another order, so no charm always follows the same neighbour.
            for (var k = 0; k < subjects.Count; k++)
            {
                var subject = subjects[(k + Math.Max(i, 0)) % subjects.Count];
                File.Delete(callLog);
                var outcome = await HookProcess.RunAsync(subject.Directory, environments[subject]);
                if (outcome.ExitCode != 0)
                {
                    throw new BenchException($"{subject.Label} {hookEvent.Label} under the stand-in hook tools failed (exit {outcome.ExitCode}): {outcome.Stderr}");
                }

                if (i >= 0)
                {
                    timings[subject].Wall.Add(outcome.Elapsed.TotalMilliseconds);
                    timings[subject].Calls = File.Exists(callLog) ? [.. File.ReadAllLines(callLog).Where(l => l.Length > 0)] : [];
                }
            }
        }

        foreach (var subject in subjects)
        {
            timings[subject].KubernetesCalls = (subject.Unit.Unit.Kubernetes.Requests.Count - kubernetesBefore[subject]) / (runs + 1);
        }

        return timings;
    }

    // The stand-in's own cost: one of them started directly as a charm starts a hook tool, stdout and stderr piped.
    private async Task<double> StandInRoundTripAsync(IReadOnlyDictionary<string, string> recorded, IReadOnlyList<RecordedAnswer> answers)
    {
        var tool = Path.Combine(toolDirectory, answers.GroupBy(a => a.Tool).OrderByDescending(g => g.Count()).First().Key);
        var environment = DispatchEnvironment.WithTools(recorded, toolDirectory);
        var samples = new List<double>();
        for (var i = 0; i <= StandInRuns; i++)
        {
            var start = new ProcessStartInfo(tool, "--format=json")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Clear();
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new BenchException($"could not start the stand-in {tool}");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
            if (i > 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Median(samples);
    }

    private sealed class Timing
    {
        public List<double> Wall { get; } = [];

        public List<string> Calls { get; set; } = [];

        public int KubernetesCalls { get; set; }
    }
}

/// <summary>Which of the compared charms a subject is.</summary>
internal enum CharmKind
{
    /// <summary>The Python ops peer: every ratio is to it.</summary>
    Peer,

    /// <summary>plex-k8s: the targets apply to it.</summary>
    Plex,

    /// <summary>The charm made from the template: config-changed, update-status and stop only.</summary>
    Template,
}

/// <summary>One compared charm on its emulated unit.</summary>
/// <param name="Label">As the table names it.</param>
/// <param name="Kind">Which one it is.</param>
/// <param name="Directory">Its unpacked folder (its name tells its stand-in answers apart).</param>
/// <param name="Unit">Its emulated unit, brought to where its hooks do their full work.</param>
internal sealed record ComparedCharm(string Label, CharmKind Kind, string Directory, BenchUnit Unit);
