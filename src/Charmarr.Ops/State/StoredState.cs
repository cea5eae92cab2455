using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Charmarr.Ops.State;

/// <summary>
/// A typed value that persists between dispatches. Read it, change it (assign a new value, or mutate it in place), and
/// it is saved at the end of a successful dispatch if its JSON changed; nothing is saved when a handler throws.
/// </summary>
/// <typeparam name="T">The value type, serialised with its source-generated <see cref="JsonTypeInfo{T}"/>.</typeparam>
public sealed class StoredState<T> : IStoredValue
{
    private readonly JsonTypeInfo<T> typeInfo;
    private readonly string? loadedJson;

    internal StoredState(string key, JsonTypeInfo<T> typeInfo, string? storedJson, Func<T> initial)
    {
        Key = key;
        this.typeInfo = typeInfo;
        loadedJson = storedJson;
        if (storedJson is null)
        {
            Value = initial();
            return;
        }

        try
        {
            Value = JsonSerializer.Deserialize(storedJson, typeInfo) ?? initial();
        }
        catch (JsonException e)
        {
            throw new StoredStateException(
                $"stored state '{key}' cannot be read as {typeof(T).Name}: {e.Message}. If its shape changed, give new members defaults so old state still reads", e);
        }
    }

    /// <summary>The key the value is stored under, e.g. <c>PlexCharm/state</c>.</summary>
    public string Key { get; }

    /// <summary>The value.</summary>
    public T Value { get; set; }

    string? IStoredValue.PendingJson
    {
        get
        {
            var json = JsonSerializer.Serialize(Value, typeInfo);
            return json == loadedJson ? null : json;
        }
    }
}

/// <summary>A stored value as the commit sees it.</summary>
internal interface IStoredValue
{
    string Key { get; }

    /// <summary>The JSON to write, or <see langword="null"/> when unchanged since it was read.</summary>
    string? PendingJson { get; }
}
