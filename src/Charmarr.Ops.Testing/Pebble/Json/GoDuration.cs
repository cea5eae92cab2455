using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Testing.Pebble.Json;

/// <summary>Go's <c>time.ParseDuration</c> and <c>Duration.String</c>, on <see cref="TimeSpan"/> (100 ns resolution).</summary>
internal static class GoDuration
{
    private const long NanosPerTick = 100;

    private static readonly (string Unit, double Nanos)[] Units =
    [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    /// <summary>Parses a Go duration; on failure <paramref name="error"/> holds Go's message (<c>time: invalid duration "x"</c>).</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        var quoted = GoText.Quote(text);
        var rest = text;
        var negative = false;
        if (rest.Length > 0 && (rest[0] == '-' || rest[0] == '+'))
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest == "0")
        {
            return true;
        }

        if (rest.Length == 0)
        {
            error = $"time: invalid duration {quoted}";
            return false;
        }

        double total = 0;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var number = rest[..digits];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                error = $"time: invalid duration {quoted}";
                return false;
            }

            rest = rest[digits..];
            var unitLength = 0;
            while (unitLength < rest.Length && rest[unitLength] != '.' && !char.IsAsciiDigit(rest[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = $"time: missing unit in duration {quoted}";
                return false;
            }

            var unit = rest[..unitLength];
            rest = rest[unitLength..];
            var scale = Array.Find(Units, u => u.Unit == unit).Nanos;
            if (scale == 0)
            {
                error = $"time: unknown unit {GoText.Quote(unit)} in duration {quoted}";
                return false;
            }

            total += double.Parse(number.StartsWith('.') ? "0" + number : number, CultureInfo.InvariantCulture) * scale;
        }

        if (total > long.MaxValue)
        {
            error = $"time: invalid duration {quoted}";
            return false;
        }

        var ticks = (long)Math.Round(total / NanosPerTick);
        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Go's <c>Duration.String()</c>: <c>0s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1m0s</c>, <c>168h0m0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var nanos = duration.Ticks * NanosPerTick;
        if (nanos == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (nanos < 0)
        {
            builder.Append('-');
            nanos = -nanos;
        }

        if (nanos < 1_000_000_000)
        {
            var (scale, unit) = nanos switch
            {
                < 1_000 => (1L, "ns"),
                < 1_000_000 => (1_000L, "µs"),
                _ => (1_000_000L, "ms"),
            };
            return builder.Append(Fixed(nanos, scale)).Append(unit).ToString();
        }

        var hours = nanos / 3_600_000_000_000;
        var minutes = nanos / 60_000_000_000 % 60;
        var seconds = nanos % 60_000_000_000;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return builder.Append(Fixed(seconds, 1_000_000_000)).Append('s').ToString();
    }

    private static string Fixed(long value, long scale)
    {
        var whole = (value / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = value % scale;
        if (fraction == 0)
        {
            return whole;
        }

        var width = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + fraction.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
