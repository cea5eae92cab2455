using System.Globalization;
using Charmarr.Bench.Report;
using Charmarr.Ops.Backend;

namespace Charmarr.Bench.Scaling;

/// <summary>Renders the two cost-against-work tables as Markdown.</summary>
internal static class ScalingReport
{
    private const string PerUnitTool = "relation-get";

    public static string RemoteUnits(IReadOnlyList<ScalingPoint> points)
    {
        var rows = ScalingAnalysis.Analyse(points, PerUnitTool);
        return Render(
            ["remote units N", "hook-tool calls by tool", "calls", "calls − N", "wall median", "wall p90", "ms per added unit", "target: calls", "", "target: growth", ""],
            rows.Select(r => (string[])[
                Number(r.Point.Work), ToolCalls.Describe(r.Point.Calls), Number(r.TotalCalls), Number(r.CallsBeyondWork),
                ReportTable.Milliseconds(r.MedianMs), ReportTable.Milliseconds(r.P90Ms), Slope(r.SlopeMs), .. Cells(r)]));
    }

    public static string Stored(IReadOnlyList<(ScalingPoint Point, StoredLevel Level)> measured)
    {
        var rows = ScalingAnalysis.Analyse([.. measured.Select(m => m.Point)], null);
        return Render(
            ["stored state", "deferred events", "largest key / 64 KiB", "hook-tool calls by tool", "calls", "wall median", "wall p90", "ms per added KiB", "grow action (set-up, 1 run)", "target: calls", "", "target: growth", ""],
            rows.Zip(measured, (r, m) => (string[])[
                Kib(m.Level.StateBytes), $"{Number(m.Level.Deferred)} ({Kib(m.Level.DeferredBytes)})",
                string.Create(CultureInfo.InvariantCulture, $"{100.0 * m.Level.LargestKeyBytes / JujuLimits.MaxStateValueBytes:0}%"),
                ToolCalls.Describe(r.Point.Calls), Number(r.TotalCalls), ReportTable.Milliseconds(r.MedianMs), ReportTable.Milliseconds(r.P90Ms),
                Slope(r.SlopeMs), ReportTable.Milliseconds(m.Level.GrowMs), .. Cells(r)]));
    }

    private static string[] Cells(ScalingRow row) => [row.Calls.Text, row.Calls.Mark, row.Growth?.Text ?? "", row.Growth?.Mark ?? ""];

    private static string Render(string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        ReportTable.Print(text, header, rows);
        return text.ToString().TrimEnd();
    }

    private static string Number(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Kib(int bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    private static string Slope(double? ms) => ms is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.00} ms") : "";
}
