using Charmarr.Ops.State;

namespace Charmarr.Ops.Tests.Framework;

/// <summary>A state store in memory that records each save.</summary>
internal sealed class MemoryStateStore : IStateStore
{
    public Dictionary<string, string> Data { get; } = new(StringComparer.Ordinal);

    public List<(Dictionary<string, string> Changed, List<string> Deleted)> Saves { get; } = [];

    public IReadOnlyDictionary<string, string> Load() => new Dictionary<string, string>(Data, StringComparer.Ordinal);

    public void Save(IReadOnlyDictionary<string, string> changed, IReadOnlyCollection<string> deleted)
    {
        Saves.Add((changed.ToDictionary(StringComparer.Ordinal), deleted.ToList()));
        foreach (var key in deleted)
        {
            Data.Remove(key);
        }

        foreach (var (key, value) in changed)
        {
            Data[key] = value;
        }
    }
}
