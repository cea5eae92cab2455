using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Go's duration text, as Pebble reads (<c>time.ParseDuration</c>) and writes (<c>Duration.String()</c>) it:
/// <c>1m30s</c>, <c>500ms</c>, <c>1.5s</c>, <c>2µs</c>, <c>168h0m0s</c>. .NET keeps 100 ns ticks, so nanoseconds round to the nearest tick.
/// </summary>
internal static class GoDuration
{
    private const long NanosPerTick = 100;
    private const long NanosPerMicro = 1_000;
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    private static readonly (string Unit, long Nanos)[] Units =
    [
        ("ns", 1),
        ("us", NanosPerMicro),
        ("\u00b5s", NanosPerMicro), // micro sign, what Go prints
        ("\u03bcs", NanosPerMicro), // Greek mu, also accepted by Go
        ("ms", NanosPerMilli),
        ("s", NanosPerSecond),
        ("m", 60 * NanosPerSecond),
        ("h", 3600 * NanosPerSecond),
    ];

    /// <summary>Parses Go duration text.</summary>
    /// <param name="text">The text, e.g. <c>1m30s</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">It is not a Go duration (a bare number such as <c>10</c> is not).</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value) ? value : throw new FormatException($"invalid duration \"{text}\"");
    }

    /// <summary>Parses Go duration text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration.</param>
    /// <returns>True when it was a Go duration.</returns>
    public static bool TryParse(string text, out TimeSpan value) => TryParse(text, out value, out _, out _);

    /// <summary>Parses Go duration text and, on failure, says why the way Go's <c>time.ParseDuration</c> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration.</param>
    /// <param name="error">Why it is not a duration; <see cref="GoDurationError.None"/> on success.</param>
    /// <param name="unknownUnit">The offending unit when <paramref name="error"/> is <see cref="GoDurationError.UnknownUnit"/>.</param>
    /// <returns>True when it was a Go duration.</returns>
    public static bool TryParse(string text, out TimeSpan value, out GoDurationError error, out string unknownUnit)
    {
        value = default;
        unknownUnit = string.Empty;
        error = GoDurationError.Invalid;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            error = GoDurationError.None;
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal nanos = 0;
        while (!s.IsEmpty)
        {
            if (!TryReadNumber(ref s, out var number))
            {
                return false;
            }

            var unit = ReadUnit(ref s);
            if (unit.IsEmpty)
            {
                error = GoDurationError.MissingUnit;
                return false;
            }

            if (!TryFindUnit(unit, out var unitNanos))
            {
                error = GoDurationError.UnknownUnit;
                unknownUnit = unit.ToString();
                return false;
            }

            // Checked before multiplying: decimal arithmetic throws OverflowException past 7.9e28.
            if (number > (long.MaxValue - nanos) / unitNanos)
            {
                return false;
            }

            nanos += number * unitNanos;
            if (nanos > long.MaxValue)
            {
                return false;
            }
        }

        var ticks = (long)Math.Round(nanos / NanosPerTick, MidpointRounding.AwayFromZero);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        error = GoDurationError.None;
        return true;
    }

    /// <summary>Formats a duration the way Go's <c>Duration.String()</c> does; one longer than Go's longest (about 292
    /// years) is written as Go's longest, <c>2562047h47m16.854775807s</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text, e.g. <c>1m30s</c> or <c>0s</c>.</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var negative = value < TimeSpan.Zero;
        // Go's durations are nanoseconds in an int64 (about 292 years): a longer TimeSpan is written as Go's longest.
        var ticks = value.Ticks == long.MinValue ? long.MaxValue : Math.Abs(value.Ticks);
        var nanos = ticks > long.MaxValue / NanosPerTick ? (ulong)long.MaxValue : (ulong)ticks * NanosPerTick;
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        if (nanos < NanosPerSecond)
        {
            return nanos switch
            {
                < NanosPerMicro => text.Append(nanos.ToString(CultureInfo.InvariantCulture)).Append("ns").ToString(),
                < NanosPerMilli => text.Append(Fraction(nanos, NanosPerMicro)).Append("\u00b5s").ToString(),
                _ => text.Append(Fraction(nanos, NanosPerMilli)).Append("ms").ToString(),
            };
        }

        var seconds = nanos / NanosPerSecond;
        var hours = seconds / 3600;
        var minutes = seconds / 60 % 60;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (seconds >= 60)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return text.Append(Fraction(nanos % (60 * NanosPerSecond), NanosPerSecond)).Append('s').ToString();
    }

    // Whole units plus the remainder as a decimal fraction with trailing zeros trimmed: 1500000 ns in ms → "1.5".
    private static string Fraction(ulong nanos, long unit)
    {
        var whole = nanos / (ulong)unit;
        var rest = nanos % (ulong)unit;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (rest == 0)
        {
            return text;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fraction = rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return text + "." + fraction;
    }

    private static bool TryReadNumber(ref ReadOnlySpan<char> s, out decimal number)
    {
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.'))
        {
            end++;
        }

        var digits = s[..end];
        s = s[end..];
        number = 0;
        return digits.Length > 0
            && !digits.SequenceEqual(".")
            && digits.Count('.') <= 1
            && decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static ReadOnlySpan<char> ReadUnit(ref ReadOnlySpan<char> s)
    {
        var end = 0;
        while (end < s.Length && !char.IsAsciiDigit(s[end]) && s[end] != '.')
        {
            end++;
        }

        var unit = s[..end];
        s = s[end..];
        return unit;
    }

    private static bool TryFindUnit(ReadOnlySpan<char> unit, out long unitNanos)
    {
        foreach (var (name, nanos) in Units)
        {
            if (unit.SequenceEqual(name))
            {
                unitNanos = nanos;
                return true;
            }
        }

        unitNanos = 0;
        return false;
    }
}

/// <summary>Why text is not a Go duration, as <c>time.ParseDuration</c> tells it apart.</summary>
internal enum GoDurationError
{
    /// <summary>It is one.</summary>
    None,

    /// <summary><c>time: invalid duration "x"</c>.</summary>
    Invalid,

    /// <summary><c>time: missing unit in duration "x"</c>.</summary>
    MissingUnit,

    /// <summary><c>time: unknown unit "u" in duration "x"</c>.</summary>
    UnknownUnit,
}
