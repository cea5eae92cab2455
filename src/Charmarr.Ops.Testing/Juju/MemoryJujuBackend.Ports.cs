using Charmarr.Ops.Model;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private List<Port> openedPorts = [];

    /// <summary>The ports this unit has open, sorted by protocol and then port, as <c>opened-ports</c> lists them.</summary>
    public IReadOnlyList<Port> OpenedPorts => GetOpenedPorts();

    /// <inheritdoc />
    public void OpenPort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (!openedPorts.Contains(port))
        {
            openedPorts.Add(port);
        }
    }

    /// <inheritdoc />
    public void ClosePort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        openedPorts.Remove(port);
    }

    /// <inheritdoc />
    public IReadOnlyList<Port> GetOpenedPorts() =>
        openedPorts.OrderBy(p => p.Protocol).ThenBy(p => p.From).ThenBy(p => p.To).ToList();
}
