using System.Globalization;
using Charmarr.Ops.Events;

namespace Charmarr.Bench.ScalingCharm;

/// <summary>A custom event the charm defers to fill its deferred-event queue; each tick is distinct by its number.</summary>
/// <param name="number">The tick's number.</param>
internal sealed class TickEvent(int number) : CustomEvent
{
    public const string Kind = "bench-scaling.tick";

    public int Number { get; } = number;

    public override IReadOnlyDictionary<string, string> Snapshot() =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["number"] = Number.ToString(CultureInfo.InvariantCulture) };

    public static TickEvent Restore(IReadOnlyDictionary<string, string> fields) =>
        new(int.Parse(fields["number"], NumberStyles.None, CultureInfo.InvariantCulture));
}
