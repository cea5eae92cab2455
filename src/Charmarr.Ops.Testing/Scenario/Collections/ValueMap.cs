using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>An immutable dictionary that is equal to another with the same keys and equal values, so records holding it compare by value.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Empty and the conversion helpers follow ImmutableArray<T>.Empty.")]
public sealed class ValueMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly ImmutableSortedDictionary<TKey, TValue> items;

    /// <summary>Creates the map.</summary>
    /// <param name="items">The entries.</param>
    public ValueMap(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = ImmutableSortedDictionary.CreateRange(items);
    }

    /// <summary>The empty map.</summary>
    public static ValueMap<TKey, TValue> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => items.Count;

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => items.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => items.Values;

    /// <inheritdoc />
    public TValue this[TKey key] => items[key];

    /// <summary>Makes a map of a dictionary.</summary>
    /// <param name="items">The entries.</param>
    public static implicit operator ValueMap<TKey, TValue>(Dictionary<TKey, TValue> items) => new(items);

    /// <summary>Compares two maps by their entries.</summary>
    /// <param name="left">One map.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ValueMap<TKey, TValue>? left, ValueMap<TKey, TValue>? right) => Equals(left, right);

    /// <summary>Compares two maps by their entries.</summary>
    /// <param name="left">One map.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ValueMap<TKey, TValue>? left, ValueMap<TKey, TValue>? right) => !Equals(left, right);

    /// <summary>Makes a map of a dictionary.</summary>
    /// <param name="items">The entries.</param>
    /// <returns>The map.</returns>
    public static ValueMap<TKey, TValue> FromDictionary(Dictionary<TKey, TValue> items) => new(items);

    /// <summary>This map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new map.</returns>
    public ValueMap<TKey, TValue> With(TKey key, TValue value) => new(items.SetItem(key, value));

    /// <summary>This map without <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>A new map.</returns>
    public ValueMap<TKey, TValue> Without(TKey key) => new(items.Remove(key));

    /// <inheritdoc />
    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => items.TryGetValue(key, out value);

    /// <inheritdoc />
    public bool Equals(ValueMap<TKey, TValue>? other) =>
        other is not null && other.Count == Count
        && items.All(kv => other.items.TryGetValue(kv.Key, out var value) && EqualityComparer<TValue>.Default.Equals(kv.Value, value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TKey, TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in items)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", items.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
