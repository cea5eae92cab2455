namespace Charmarr.Ops.State;

/// <summary>Where stored state and deferred events persist between dispatches: string keys to string (JSON) values.</summary>
public interface IStateStore
{
    /// <summary>Reads every key.</summary>
    /// <returns>The stored keys and values.</returns>
    IReadOnlyDictionary<string, string> Load();

    /// <summary>Writes the keys that changed and deletes the ones that went away, once, at the end of a successful dispatch.</summary>
    /// <param name="changed">Keys to write.</param>
    /// <param name="deleted">Keys to remove.</param>
    void Save(IReadOnlyDictionary<string, string> changed, IReadOnlyCollection<string> deleted);
}
