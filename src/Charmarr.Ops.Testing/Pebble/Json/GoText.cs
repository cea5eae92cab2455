using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Testing.Pebble.Json;

/// <summary>Go's text formats that Pebble's messages are built from: <c>%q</c> quoting and RFC 3339 times.</summary>
internal static class GoText
{
    /// <summary>Go's <c>strconv.Quote</c> (what <c>%q</c> prints for a string).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            if (AppendSharedEscape(builder, rune.Value))
            {
                continue;
            }

            switch (rune.Value)
            {
                case '\a':
                    builder.Append("\\a");
                    break;
                case '\v':
                    builder.Append("\\v");
                    break;
                case < 0x20 or 0x7f:
                    builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>The escapes Go's JSON encoder and <c>strconv.Quote</c> share; false when the character is not one of them.</summary>
    internal static bool AppendSharedEscape(StringBuilder builder, int character)
    {
        var escape = character switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        builder.Append(escape);
        return escape is not null;
    }

    /// <summary>Go's <c>time.RFC3339Nano</c> in UTC: trailing fraction zeros trimmed, <c>Z</c> for the zone.</summary>
    public static string Rfc3339Nano(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "Z";
    }

    /// <summary>Go's <c>time.RFC3339</c> in UTC (seconds precision), as file listings use.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Go's <c>time.Parse(time.RFC3339, text)</c> error for text that does not parse: the layout element where it
    /// stopped (<c>parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The error text, or null when the text is a valid RFC 3339 time.</returns>
    public static string? Rfc3339Error(string text)
    {
        const string Layout = "2006-01-02T15:04:05Z07:00";
        var prefix = $"parsing time {Quote(text)}";
        var at = 0;
        string Fail(string element) => $"{prefix} as {Quote(Layout)}: cannot parse {Quote(text[at..])} as {Quote(element)}";
        bool Digits(int count)
        {
            if (text.Length - at < count || text.AsSpan(at, count).ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            at += count;
            return true;
        }

        bool Literal(char c)
        {
            if (at < text.Length && text[at] == c)
            {
                at++;
                return true;
            }

            return false;
        }

        (int Count, char? Separator, string Element)[] steps =
            [(4, '-', "2006"), (2, '-', "01"), (2, 'T', "02"), (2, ':', "15"), (2, ':', "04"), (2, null, "05")];
        foreach (var (count, separator, element) in steps)
        {
            if (!Digits(count))
            {
                return Fail(element);
            }

            if (separator is { } s && !Literal(s))
            {
                return Fail(s.ToString());
            }
        }

        if (Literal('.'))
        {
            while (at < text.Length && char.IsAsciiDigit(text[at]))
            {
                at++;
            }
        }

        if (!Literal('Z'))
        {
            var zoneAt = at;
            if (!(Literal('+') || Literal('-')) || !Digits(2) || !Literal(':') || !Digits(2))
            {
                at = zoneAt;
                return Fail("Z07:00");
            }
        }

        if (at < text.Length)
        {
            return $"{prefix}: extra text: {Quote(text[at..])}";
        }

        int Field(int start, int length) => int.Parse(text.AsSpan(start, length), CultureInfo.InvariantCulture);
        var (year, month, day) = (Field(0, 4), Field(5, 2), Field(8, 2));
        string? range = month is < 1 or > 12 ? "month"
            : day < 1 || day > DateTime.DaysInMonth(year, month) ? "day"
            : Field(11, 2) > 23 ? "hour"
            : Field(14, 2) > 59 ? "minute"
            : Field(17, 2) > 59 ? "second"
            : null;
        return range is null ? null : $"{prefix}: {range} out of range";
    }

    /// <summary>Parses an RFC 3339 timestamp (with any fraction and zone).</summary>
    public static bool TryParseRfc3339(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out time) || TryParseLongFraction(text, out time);

    // .NET keeps 7 fraction digits; Go sends up to 9. Drop the extra digits before parsing.
    private static bool TryParseLongFraction(string text, out DateTimeOffset time)
    {
        time = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return false;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end - dot - 1 <= 7)
        {
            return false;
        }

        var trimmed = text[..(dot + 8)] + text[end..];
        return DateTimeOffset.TryParseExact(
            trimmed, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
