using System.Globalization;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Kubernetes resource quantities (<c>1</c>, <c>500m</c>, <c>2Gi</c>, <c>1e3</c>) compared by value, so a limit the API
/// server returns in its canonical form (<c>1</c>) matches the same limit written another way (<c>1000m</c>).
/// </summary>
internal static class Quantity
{
    private const int MaxExponent = 28;

    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>Reads a quantity.</summary>
    /// <param name="text">The quantity, e.g. <c>1</c>, <c>250m</c>, <c>4Gi</c>.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether <paramref name="text"/> is a quantity this can read.</returns>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var end = text[0] is '+' or '-' ? 1 : 0;
        var digitsStart = end;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        if (end == digitsStart
            || !decimal.TryParse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !TryMultiplier(text[end..], out var multiplier))
        {
            return false;
        }

        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Whether two quantities have the same value (or, when either cannot be read, the same text).</summary>
    /// <param name="left">One quantity.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same.</returns>
    public static bool Same(string left, string right) =>
        string.Equals(left, right, StringComparison.Ordinal)
        || (TryParse(left, out var l) && TryParse(right, out var r) && l == r);

    private static bool TryMultiplier(string suffix, out decimal multiplier)
    {
        if (Suffixes.TryGetValue(suffix, out multiplier))
        {
            return true;
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            && Math.Abs(exponent) <= MaxExponent)
        {
            multiplier = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                multiplier = exponent > 0 ? multiplier * 10 : multiplier / 10;
            }

            return true;
        }

        return false;
    }
}
