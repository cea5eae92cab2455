using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Interfaces.Observability;

/// <summary>
/// Writes JSON exactly as Python's <c>json.dumps(value)</c> does with its defaults, the format the COS charm libraries
/// put in relation data: <c>", "</c> between items, <c>": "</c> after keys, keys in insertion order, every non-ASCII
/// character escaped as <c>\uXXXX</c> (lower-case hex, surrogate pairs above the BMP), floats as Python's <c>repr</c>.
/// </summary>
internal static class PythonJson
{
    /// <summary>Serialises a JSON tree.</summary>
    /// <param name="node">The tree; <see langword="null"/> is JSON null.</param>
    /// <returns>The text Python would write.</returns>
    public static string Dumps(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(first ? "" : ", ");
                    first = false;
                    WriteString(text, key);
                    text.Append(": ");
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            default:
                WriteValue(text, node.AsValue());
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                text.Append(Number(value.ToJsonString()));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>An integer literal stays as written; anything else is a float, written as Python's <c>repr</c>.</summary>
    internal static string Number(string literal)
    {
        if (!literal.AsSpan().ContainsAny('.', 'e', 'E'))
        {
            return literal.StartsWith("-0", StringComparison.Ordinal) && literal.Length == 2 ? "0" : literal;
        }

        return FloatRepr(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, fixed notation for exponents -4 to 15, else <c>1e-05</c> / <c>1e+16</c>.</summary>
    internal static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip.StartsWith('-');
        var body = negative ? roundTrip[1..] : roundTrip;
        var e = body.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? body[..e] : body;
        var extra = e >= 0 ? int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = point >= 0 ? mantissa[..point] : mantissa;
        var fracPart = point >= 0 ? mantissa[(point + 1)..] : "";
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        var digits = all.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var exponent = intPart.Length - 1 - leadingZeros + extra;
        var sign = negative ? "-" : "";
        if (exponent is >= -4 and < 16)
        {
            if (exponent < 0)
            {
                return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
            }

            var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
            var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
            return $"{sign}{whole}.{fraction}";
        }

        var mant = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
        var expText = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return $"{sign}{mant}e{(exponent < 0 ? '-' : '+')}{expText}";
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case >= ' ' and <= '~':
                    text.Append(c);
                    break;
                default:
                    // UTF-16 code units are exactly the \uXXXX escapes Python writes (a surrogate pair above the BMP).
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
            }
        }

        text.Append('"');
    }
}
