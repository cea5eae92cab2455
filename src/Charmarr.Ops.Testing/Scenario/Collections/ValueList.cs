using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>An immutable list that is equal to another with equal items in the same order, so records holding it compare by value.</summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Empty and the conversion helpers follow ImmutableArray<T>.Empty.")]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Creates the list.</summary>
    /// <param name="items">The items, in order.</param>
    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = [.. items];
    }

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>Makes a list of an array.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator ValueList<T>(T[] items) => new(items);

    /// <summary>Makes a list of a list.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator ValueList<T>(List<T> items) => new(items);

    /// <summary>Compares two lists by their items.</summary>
    /// <param name="left">One list.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => Equals(left, right);

    /// <summary>Compares two lists by their items.</summary>
    /// <param name="left">One list.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !Equals(left, right);

    /// <summary>Makes a list of an array.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> FromArray(T[] items) => new(items);

    /// <summary>This list with one more item at the end.</summary>
    /// <param name="item">The item.</param>
    /// <returns>A new list.</returns>
    public ValueList<T> Add(T item) => new(items.Add(item));

    /// <summary>This list with every item matching <paramref name="match"/> replaced by <paramref name="replacement"/>.</summary>
    /// <param name="match">Which items to replace.</param>
    /// <param name="replacement">The new item.</param>
    /// <returns>A new list.</returns>
    public ValueList<T> Replace(Func<T, bool> match, T replacement)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new(items.Select(i => match(i) ? replacement : i));
    }

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other.items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items) + "]";

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Builds <see cref="ValueList{T}"/> from collection expressions (<c>[a, b]</c>).</summary>
public static class ValueList
{
    /// <summary>Creates a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
