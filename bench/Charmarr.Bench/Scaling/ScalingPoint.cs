namespace Charmarr.Bench.Scaling;

/// <summary>What one amount of work cost: the hook-tool calls of the last run, by tool in order of first use, and the wall time of every timed run.</summary>
/// <param name="Work">The amount of work: remote units, or KiB stored.</param>
/// <param name="Calls">Hook-tool calls by tool.</param>
/// <param name="WallMs">Wall time of each timed run, in milliseconds.</param>
internal sealed record ScalingPoint(double Work, IReadOnlyList<ToolCalls> Calls, IReadOnlyList<double> WallMs);

/// <summary>How many times one hook tool was called.</summary>
/// <param name="Tool">The tool, e.g. <c>relation-get</c>.</param>
/// <param name="Count">Its calls.</param>
internal sealed record ToolCalls(string Tool, int Count)
{
    /// <summary>Counts calls by tool, in the order each tool was first called.</summary>
    public static IReadOnlyList<ToolCalls> Tally(IEnumerable<string> tools) =>
        [.. tools.GroupBy(t => t, StringComparer.Ordinal).Select(g => new ToolCalls(g.Key, g.Count()))];

    public static string Describe(IReadOnlyList<ToolCalls> calls) => string.Join(", ", calls.Select(c => $"{c.Tool} ×{c.Count}"));
}
