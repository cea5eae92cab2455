namespace Charmarr.Interfaces.Common;

/// <summary>The numeric bounds the Python models declare (pydantic <c>ge</c>/<c>le</c>), checked when a value is set.</summary>
internal static class WireRange
{
    /// <summary>A TCP/UDP port: 1 to 65535.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The wire field, for the message.</param>
    /// <returns>The value.</returns>
    public static int Port(int value, string field) => Check(value, 1, 65535, field);

    /// <summary>A value within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The least allowed.</param>
    /// <param name="max">The greatest allowed.</param>
    /// <param name="field">The wire field, for the message.</param>
    /// <returns>The value.</returns>
    public static int Check(int value, int min, int max, string field) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(field, value, $"{field} must be between {min} and {max}");
}
