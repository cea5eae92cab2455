using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// The charm binary started with an empty environment (it exits at once: JUJU_UNIT_NAME is unset), so what is counted
/// is the process and runtime start-up every hook pays: CPU, minor page faults and peak RSS from <c>wait4</c>, median of
/// <see cref="Runs"/> after one untimed run. Measured with the prefault the build links in, and with it switched off
/// (<c>CHARMARR_PREFAULT=0</c>) for comparison.
/// </summary>
internal static class EmptyStart
{
    /// <summary>Timed runs of each kind.</summary>
    public const int Runs = 41;

    public static IReadOnlyList<Figure> Measure(string binary)
    {
        var with = Sample(binary, []);
        var without = Sample(binary, ["CHARMARR_PREFAULT=0"]);
        return
        [
            new Figure("empty-environment start", $"CPU, median of {Runs}", ReportTable.Milliseconds(with.Cpu), Target.AtMost(with.Cpu, 3, "ms")),
            new Figure("empty-environment start", "minor page faults, median", Count(with.Faults), Target.AtMost(with.Faults, 300, "faults")),
            new Figure("empty-environment start", "peak RSS, median", ReportTable.Megabytes(with.RssKb * 1024)),
            new Figure("empty-environment start", "without the prefault: CPU, faults, peak RSS", $"{ReportTable.Milliseconds(without.Cpu)}, {Count(without.Faults)}, {ReportTable.Megabytes(without.RssKb * 1024)}"),
        ];
    }

    private static (double Cpu, double Faults, long RssKb) Sample(string binary, IReadOnlyList<string> environment)
    {
        ChildUsage.Run(binary, environment);
        var runs = Enumerable.Range(0, Runs).Select(_ => ChildUsage.Run(binary, environment)).ToArray();
        return (
            Stats.Median(runs.Select(r => r.CpuMilliseconds).ToArray()),
            Stats.Median(runs.Select(r => (double)r.MinorFaults).ToArray()),
            (long)Stats.Median(runs.Select(r => (double)r.MaxRssKilobytes).ToArray()));
    }

    private static string Count(double value) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0}");
}
