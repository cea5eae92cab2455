using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// The charm binary started with an empty environment (it exits at once: JUJU_UNIT_NAME is unset), so what is counted
/// is the process and runtime start-up every hook pays: CPU and page faults from <c>wait4</c> and a perf counter, median
/// of <see cref="Runs"/> after one untimed run. Measured with the prefault the build links in, and with it switched off
/// (<c>CHARMARR_PREFAULT=0</c>) for comparison. The page-fault target is held against traps (<c>perf stat -e
/// page-faults</c>): <c>rusage</c>'s minor faults also count the pages the prefault populates in one system call.
/// </summary>
internal static class EmptyStart
{
    /// <summary>Timed runs of each kind.</summary>
    public const int Runs = 41;

    public static IReadOnlyList<Figure> Measure(string binary)
    {
        var with = Sample(binary, []);
        var without = Sample(binary, ["CHARMARR_PREFAULT=0"]);
        var faults = with.Traps is { } traps
            ? new Figure("empty-environment start", "page-fault traps (perf), median", Count(traps), Target.AtMost(traps, 300, "faults"))
            : new Figure("empty-environment start", "page-fault traps (perf)", $"n/a: {FaultTrapCounter.Unavailable}");
        return
        [
            new Figure("empty-environment start", $"CPU, median of {Runs}", ReportTable.Milliseconds(with.Cpu), Target.AtMost(with.Cpu, 3, "ms")),
            faults,
            new Figure("empty-environment start", "pages faulted in (rusage minor faults, the prefault's included)", Count(with.Faults)),
            new Figure("empty-environment start", "without the prefault: CPU, traps, rusage faults", $"{ReportTable.Milliseconds(without.Cpu)}, {(without.Traps is { } t ? Count(t) : "n/a")}, {Count(without.Faults)}"),
        ];
    }

    private static (double Cpu, double Faults, double? Traps) Sample(string binary, IReadOnlyList<string> environment)
    {
        ChildUsage.Run(binary, environment);
        var runs = Enumerable.Range(0, Runs).Select(_ => ChildUsage.Run(binary, environment)).ToArray();
        return (
            Stats.Median(runs.Select(r => r.CpuMilliseconds).ToArray()),
            Stats.Median(runs.Select(r => (double)r.MinorFaults).ToArray()),
            runs.All(r => r.FaultTraps is not null) ? Stats.Median(runs.Select(r => (double)r.FaultTraps!.Value).ToArray()) : null);
    }

    private static string Count(double value) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0}");
}
