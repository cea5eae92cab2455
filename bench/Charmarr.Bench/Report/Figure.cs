namespace Charmarr.Bench.Report;

/// <summary>One measured figure and, when the issue sets one, its target.</summary>
/// <param name="Subject">What was measured (an event, the .charm, the Pebble client).</param>
/// <param name="Measure">Which figure (median, p90, peak RSS, …).</param>
/// <param name="Value">The figure as printed, with its unit.</param>
/// <param name="Target">The target, or <see langword="null"/> when it sets none.</param>
internal sealed record Figure(string Subject, string Measure, string Value, Target? Target = null);

/// <summary>A target from the issue and whether the figure meets it.</summary>
/// <param name="Text">The target as the issue states it, e.g. <c>≤ 15 ms</c>.</param>
/// <param name="Met">Whether the figure meets it; <see langword="null"/> when the target is a comparison, not a bound.</param>
internal sealed record Target(string Text, bool? Met)
{
    public static Target AtMost(double value, double bound, string unit) =>
        new(FormattableString.Invariant($"≤ {bound:0.#} {unit}"), value <= bound);

    public string Mark => Met switch { true => "✓", false => "✗", null => "" };
}
