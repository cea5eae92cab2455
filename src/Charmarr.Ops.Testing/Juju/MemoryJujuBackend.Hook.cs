using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private HookSnapshot? hook;

    /// <summary>Whether a hook is running (between <see cref="BeginHook"/> and <see cref="EndHook"/>).</summary>
    public bool InHook => hook is not null;

    /// <summary>Starts a hook: from now on the writes Juju commits only when the hook succeeds can be undone.</summary>
    /// <exception cref="InvalidOperationException">A hook is already running.</exception>
    public void BeginHook()
    {
        if (hook is not null)
        {
            throw new InvalidOperationException("a hook is already running; end it first");
        }

        hook = new HookSnapshot(
            relations.Values.ToDictionary(r => r.Id, r => (Copy(r.LocalUnitBag), Copy(r.LocalAppBag))),
            Copy(unitState),
            [.. openedPorts],
            [.. storageRequests],
            secrets.Values.ToDictionary(s => s.Id, s => s.Clone(), StringComparer.Ordinal));
    }

    /// <summary>Ends the running hook. When it failed (non-zero exit), relation data, unit state, ports, storage requests
    /// and secrets go back to what they were at <see cref="BeginHook"/>; status, workload version, logs and action output stay.</summary>
    /// <param name="succeeded">Whether the hook exited with 0.</param>
    /// <exception cref="InvalidOperationException">No hook is running.</exception>
    public void EndHook(bool succeeded)
    {
        var snapshot = hook ?? throw new InvalidOperationException("no hook is running");
        hook = null;
        if (succeeded)
        {
            return;
        }

        foreach (var (id, (unitBag, appBag)) in snapshot.Bags)
        {
            if (relations.TryGetValue(id, out var relation))
            {
                Replace(relation.LocalUnitBag, unitBag);
                Replace(relation.LocalAppBag, appBag);
            }
        }

        unitState = snapshot.UnitState;
        openedPorts = snapshot.Ports;
        storageRequests = snapshot.StorageRequests;
        secrets = snapshot.Secrets;
    }

    private sealed record HookSnapshot(
        Dictionary<int, (Dictionary<string, string> Unit, Dictionary<string, string> App)> Bags,
        Dictionary<string, string> UnitState,
        List<Port> Ports,
        List<StorageRequest> StorageRequests,
        Dictionary<string, MemorySecret> Secrets);
}
