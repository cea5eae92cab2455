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
