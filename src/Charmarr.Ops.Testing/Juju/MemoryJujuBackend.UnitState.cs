using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private Dictionary<string, string> unitState = new(StringComparer.Ordinal);

    /// <summary>A copy of the unit's controller-side state (<c>state-get</c>), where stored state lives.</summary>
    public IReadOnlyDictionary<string, string> UnitState => new Dictionary<string, string>(unitState, StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetState() => UnitState;

    /// <inheritdoc />
    public void SetState(IReadOnlyDictionary<string, string> values)
    {
        JujuArgumentRules.CheckStateValues(values, nameof(values));
        foreach (var (key, value) in values)
        {
            // Unlike relation-set, an empty value is kept as "" rather than deleting the key.
            unitState[key] = value;
        }
    }

    /// <inheritdoc />
    public void DeleteState(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        unitState.Remove(key);
    }
}
