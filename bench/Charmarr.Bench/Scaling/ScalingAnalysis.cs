using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;

namespace Charmarr.Bench.Scaling;

/// <summary>One row of a cost-against-work table.</summary>
/// <param name="Point">What was measured.</param>
/// <param name="TotalCalls">Every hook-tool call of the run.</param>
/// <param name="CallsBeyondWork">The calls left once one per unit of work is taken out (all of them when no tool scales with the work).</param>
/// <param name="MedianMs">Median wall time.</param>
/// <param name="P90Ms">90th percentile wall time.</param>
/// <param name="SlopeMs">Milliseconds per unit of work added since the row before; <see langword="null"/> on the first row.</param>
/// <param name="Calls">Whether the calls are linear in the work: the per-work tool called once per unit, and the rest as at the first row.</param>
/// <param name="Growth">On the last row only (of three or more): whether wall time grows no faster than linearly.</param>
internal sealed record ScalingRow(ScalingPoint Point, int TotalCalls, int CallsBeyondWork, double MedianMs, double P90Ms, double? SlopeMs, Target Calls, Target? Growth);

/// <summary>
/// Checks the issue's target "cost linear in N: one hook-tool call per remote bag read plus a constant, and nothing that
/// grows faster" on measured points. Calls are checked exactly, on every row. Wall time is checked once, on the last
/// step: its per-unit slope must stay within <see cref="SlopeRatio"/> of the step before, plus the last point's own
/// spread (p90 − median) over the step's width, so that noise within a point's spread is not read as growth. A cost
/// quadratic in the work would make the last slope of 1 → 10 → 100 → 200 2.7 times the one before.
/// </summary>
internal static class ScalingAnalysis
{
    public const double SlopeRatio = 1.25;

    /// <summary>The rows, in the order of the points.</summary>
    /// <param name="points">The measurements, by ascending work.</param>
    /// <param name="perWorkTool">The tool called once per unit of work (e.g. <c>relation-get</c> per remote unit), or
    /// <see langword="null"/> when the calls should not change with the work at all.</param>
    public static IReadOnlyList<ScalingRow> Analyse(IReadOnlyList<ScalingPoint> points, string? perWorkTool)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("a scaling table needs at least one point", nameof(points));
        }

        if (points.Zip(points.Skip(1)).Any(p => p.Second.Work <= p.First.Work))
        {
            throw new ArgumentException("the points must be in ascending order of work", nameof(points));
        }

        var rows = new List<ScalingRow>();
        var constant = Beyond(points[0], perWorkTool);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var median = Stats.Median(point.WallMs);
            var p90 = Stats.Percentile(point.WallMs, 90);
            double? slope = i == 0 ? null : (median - rows[i - 1].MedianMs) / (point.Work - points[i - 1].Work);
            var beyond = Beyond(point, perWorkTool);
            var calls = perWorkTool is null
                ? new Target($"= {constant} at every size", beyond == constant)
                : new Target($"{perWorkTool} = N, calls − N = {constant}", PerWork(point, perWorkTool) == point.Work && beyond == constant);
            var growth = i == points.Count - 1 && points.Count >= 3
                ? Growth(slope!.Value, rows[i - 1].SlopeMs!.Value, (p90 - median) / (point.Work - points[i - 1].Work))
                : null;
            rows.Add(new ScalingRow(point, point.Calls.Sum(c => c.Count), beyond, median, p90, slope, calls, growth));
        }

        return rows;
    }

    private static Target Growth(double last, double before, double noise) =>
        new(FormattableString.Invariant($"slope ≤ {SlopeRatio} × previous ({before:0.###}) + spread ({noise:0.###})"), last <= SlopeRatio * Math.Max(before, 0) + noise);

    private static int PerWork(ScalingPoint point, string tool) => point.Calls.Where(c => c.Tool == tool).Sum(c => c.Count);

    private static int Beyond(ScalingPoint point, string? perWorkTool) =>
        point.Calls.Sum(c => c.Count) - (perWorkTool is null ? 0 : PerWork(point, perWorkTool));
}
