using Charmarr.Bench.Report;

namespace Charmarr.Bench.Subjects;

/// <summary>Everything measured for one charm: its table, the hook-tool calls by tool, and notes on what was not measured.</summary>
/// <param name="Title">The charm, as the heading above its table names it.</param>
/// <param name="Figures">The table's rows.</param>
/// <param name="CallBreakdown">Hook-tool calls of each event's last run, by tool.</param>
/// <param name="Notes">Lines printed under the table.</param>
/// <param name="CharmDirectory">Where the measured charm was unpacked, when there is one.</param>
internal sealed record SubjectReport(string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<string> CallBreakdown, IReadOnlyList<string> Notes, string? CharmDirectory = null);
