using System.Globalization;

namespace Charmarr.Bench.Report;

/// <summary>Prints figures as one Markdown table (so a run can be pasted into a README) and formats numbers for it.</summary>
internal static class ReportTable
{
    public static void Print(TextWriter output, IReadOnlyList<Figure> figures) =>
        Print(output, ["subject", "figure", "value", "target", ""], figures.Select(f => new[] { f.Subject, f.Measure, f.Value, f.Target?.Text ?? "", f.Target?.Mark ?? "" }));

    /// <summary>Prints any table: a header and rows of as many cells, each column as wide as its widest cell.</summary>
    public static void Print(TextWriter output, string[] header, IEnumerable<string[]> cells)
    {
        var rows = cells.ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        output.WriteLine(Row(header, widths));
        output.WriteLine(Row(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in rows)
        {
            output.WriteLine(Row(row, widths));
        }
    }

    public static string Milliseconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");

    /// <summary>Decimal megabytes, the unit of the targets.</summary>
    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");

    private static string Row(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
}
