using Charmarr.Bench.Hooks;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Subjects;

/// <summary>
/// The figures every packed charm gets: .charm and binary size; the hook-tool shim's own round trip against the charm's
/// emulated unit; per event wall time, the charm's own time, peak RSS, hook-tool and Kubernetes calls.
/// </summary>
internal static class PackedCharmBenchmark
{
    /// <summary>Measures <paramref name="charm"/>, unpacked under <paramref name="workDirectory"/>.</summary>
    /// <param name="charm">The .charm.</param>
    /// <param name="workDirectory">Where it is unpacked (a short path: unix sockets live under it).</param>
    /// <param name="start">Brings an emulated unit of the unpacked charm to where its hooks do their full work.</param>
    /// <param name="events">The events to time, given the unpacked charm.</param>
    /// <param name="runs">Timed runs per event.</param>
    /// <returns>The figures in table order, and where the charm was unpacked.</returns>
    public static async Task<PackedCharmFigures> MeasureAsync(
        string charm,
        string workDirectory,
        Func<string, string, Task<BenchUnit>> start,
        Func<string, IReadOnlyList<HookEvent>> events,
        int runs)
    {
        var charmDirectory = CharmSource.Unpack(charm, workDirectory, Path.GetFileNameWithoutExtension(charm).Split('_')[0]);
        var figures = new List<Figure>(CharmSize.Measure(charm, charmDirectory));
        figures.AddRange(EmptyStart.Measure(CharmSize.NativeBinary(charmDirectory).FullName));
        var timed = events(charmDirectory);
        Console.WriteLine($"Measuring {Path.GetFileName(charm)}: the shim's round trip, then {timed.Count} events × {runs} runs through dispatch under the hook-tool shims …");
        await using var unit = await start(charmDirectory, ShimLocator.Find());
        var (shimMedian, shimP90) = await ShimRoundTrip.MeasureAsync(unit, workDirectory);
        figures.Add(new Figure("hook-tool shim", $"is-leader round trip, median of {ShimRoundTrip.Runs}", ReportTable.Milliseconds(shimMedian)));
        figures.Add(new Figure("hook-tool shim", "is-leader round trip, p90", ReportTable.Milliseconds(shimP90)));
        var hooks = new HookBenchmark(unit, PeakRssProbe.TryCreate(workDirectory), runs, shimMedian);
        await hooks.RunAsync(timed);
        figures.AddRange(hooks.Figures);
        return new PackedCharmFigures(figures, hooks.CallBreakdown, charmDirectory);
    }
}

/// <summary>What <see cref="PackedCharmBenchmark"/> measured.</summary>
/// <param name="Figures">The figures, in table order.</param>
/// <param name="CallBreakdown">Hook-tool calls of each event's last run, by tool.</param>
/// <param name="CharmDirectory">Where the charm was unpacked (its metadata is what the Harness reads).</param>
internal sealed record PackedCharmFigures(List<Figure> Figures, List<string> CallBreakdown, string CharmDirectory);
