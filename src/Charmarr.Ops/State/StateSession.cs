using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Framework;

namespace Charmarr.Ops.State;

/// <summary>
/// One dispatch's view of the state store: read once on first use, stored values bound by key, the deferred-event queue,
/// and a single commit at the end. Without a commit nothing is written.
/// </summary>
internal sealed class StateSession(IStateStore store)
{
    internal const string DeferredKey = "#deferred#";

    private readonly List<IStoredValue> bound = [];
    private IReadOnlyDictionary<string, string>? stored;
    private List<DeferredNotice>? deferred;
    private string? deferredLoadedJson;

    private IReadOnlyDictionary<string, string> Stored => stored ??= store.Load();

    /// <summary>The deferred notices, oldest first.</summary>
    public List<DeferredNotice> Deferred
    {
        get
        {
            if (deferred is null)
            {
                deferredLoadedJson = Stored.TryGetValue(DeferredKey, out var json) ? json : null;
                deferred = ReadDeferred(deferredLoadedJson);
            }

            return deferred;
        }
    }

    public StoredState<T> Bind<T>(string key, JsonTypeInfo<T> typeInfo, Func<T> initial)
    {
        if (key == DeferredKey || bound.Any(b => b.Key == key))
        {
            throw new InvalidOperationException($"stored state '{key}' is already bound in this dispatch; give each stored value its own name");
        }

        var state = new StoredState<T>(key, typeInfo, Stored.TryGetValue(key, out var json) ? json : null, initial);
        bound.Add(state);
        return state;
    }

    public void Commit()
    {
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var deleted = new List<string>();
        foreach (var value in bound)
        {
            if (value.PendingJson is { } json)
            {
                changed[value.Key] = json;
            }
        }

        if (deferred is not null)
        {
            var json = deferred.Count == 0 ? null : JsonSerializer.Serialize(deferred, FrameworkJson.Default.ListDeferredNotice);
            if (json != deferredLoadedJson)
            {
                if (json is null)
                {
                    deleted.Add(DeferredKey);
                }
                else
                {
                    changed[DeferredKey] = json;
                }
            }
        }

        if (changed.Count > 0 || deleted.Count > 0)
        {
            store.Save(changed, deleted);
        }
    }

    private static List<DeferredNotice> ReadDeferred(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, FrameworkJson.Default.ListDeferredNotice) ?? [];
        }
        catch (JsonException e)
        {
            throw new StoredStateException($"the deferred-event queue ({DeferredKey}) is corrupt: {e.Message}", e);
        }
    }
}
