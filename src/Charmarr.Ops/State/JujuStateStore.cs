using System.Text;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.State;

/// <summary>
/// Keeps state in the controller with <c>state-get</c>/<c>state-set</c>/<c>state-delete</c>, so it survives the pod being
/// replaced. Juju applies the writes only if the hook succeeds, which matches the framework's commit-on-success rule.
/// </summary>
public sealed class JujuStateStore : IStateStore
{
    /// <summary>The most bytes Juju keeps under one key.</summary>
    public const int MaxValueBytes = JujuLimits.MaxStateValueBytes;

    /// <summary>The longest key Juju accepts, in bytes.</summary>
    public const int MaxKeyBytes = JujuLimits.MaxStateKeyBytes;

    private readonly IJujuBackend backend;

    /// <summary>Creates the store.</summary>
    /// <param name="backend">How to reach Juju.</param>
    public JujuStateStore(IJujuBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        this.backend = backend;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Load() => backend.GetState();

    /// <inheritdoc />
    public void Save(IReadOnlyDictionary<string, string> changed, IReadOnlyCollection<string> deleted)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(deleted);
        foreach (var (key, value) in changed)
        {
            if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
            {
                throw new StoredStateException($"stored state key '{key}' is longer than the {MaxKeyBytes} bytes Juju accepts; use a shorter name");
            }

            var size = Encoding.UTF8.GetByteCount(value);
            if (size > MaxValueBytes)
            {
                throw new StoredStateException(
                    $"stored state '{key}' is {size} bytes once serialised; Juju keeps at most {MaxValueBytes} bytes per key. Keep large data in the workload (e.g. a file through Pebble) instead");
            }
        }

        if (changed.Count > 0)
        {
            backend.SetState(changed);
        }

        foreach (var key in deleted)
        {
            backend.DeleteState(key);
        }
    }
}
