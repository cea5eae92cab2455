using System.Globalization;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// What a desired-state setting asks for: nothing (the default: leave the field as it is), a value
/// (<c>spec.PodFsGroup = 1000;</c>), or that the field be absent (<c>spec.PodFsGroup = Desired.Absent&lt;long&gt;();</c>).
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public readonly record struct Desired<T>
    where T : struct
{
    private readonly T _value;

    internal Desired(bool absent, T value)
    {
        IsAbsent = absent;
        HasValue = !absent;
        _value = value;
    }

    /// <summary>Whether a value is asked for.</summary>
    public bool HasValue { get; }

    /// <summary>Whether the field must not be set.</summary>
    public bool IsAbsent { get; }

    /// <summary>Whether nothing is asked for (the field is left as it is).</summary>
    public bool IsUnspecified => !HasValue && !IsAbsent;

    /// <summary>The value asked for.</summary>
    /// <exception cref="InvalidOperationException">No value is asked for.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException($"No value is desired ({this}).");

    /// <summary>The field must have <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Desired<T>(T value) => new(absent: false, value);

    /// <inheritdoc />
    public override string ToString() =>
        HasValue ? Convert.ToString(_value, CultureInfo.InvariantCulture) ?? string.Empty : IsAbsent ? "absent" : "unspecified";
}

/// <summary>Creates <see cref="Desired{T}"/> values.</summary>
public static class Desired
{
    /// <summary>The field must have <paramref name="value"/>.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The desired value.</returns>
    public static Desired<T> Of<T>(T value)
        where T : struct => new(absent: false, value);

    /// <summary>The field must not be set.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <returns>The desired absence.</returns>
    public static Desired<T> Absent<T>()
        where T : struct => new(absent: true, default);

    /// <summary>Leave the field as it is (the same as <c>default</c>).</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <returns>The unspecified setting.</returns>
    public static Desired<T> Unspecified<T>()
        where T : struct => default;
}
