using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Model;

/// <summary>The unit this charm process runs for: its leadership, status, ports, workload version and containers.</summary>
public sealed class LocalUnit
{
    private readonly CharmModel model;
    private readonly Dictionary<string, Container> containers = new(StringComparer.Ordinal);
    private Status? status;
    private bool? leader;

    internal LocalUnit(CharmModel model, string name)
    {
        this.model = model;
        Name = name;
        Identity = new Unit(name);
    }

    /// <summary>The unit name, e.g. <c>plex-k8s/0</c>.</summary>
    public string Name { get; }

    /// <summary>This unit as a plain <see cref="Unit"/> (for relation data and comparisons).</summary>
    public Unit Identity { get; }

    /// <summary>Whether this unit is the leader. Asked once per dispatch: Juju guarantees the answer for at least 30 seconds.</summary>
    public bool IsLeader => leader ??= model.Backend.IsLeader();

    /// <summary>The unit's status. Reading asks Juju once; setting calls <c>status-set</c> at once.</summary>
    /// <exception cref="ArgumentException">Setting a status a charm may not set (error, unknown).</exception>
    public Status Status
    {
        get => status ??= model.Backend.GetStatus(application: false).Status;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.ThrowIfNotSettable(nameof(value));

            model.Backend.SetStatus(value, application: false);
            status = value;
        }
    }

    /// <summary>Sets the workload version shown by <c>juju status</c>.</summary>
    /// <param name="version">The version; empty clears it.</param>
    public void SetWorkloadVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        model.Backend.SetApplicationVersion(version);
    }

    /// <summary>Opens a port (applied when the hook succeeds).</summary>
    /// <param name="port">The port.</param>
    public void OpenPort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        model.Backend.OpenPort(port);
    }

    /// <summary>Closes a port (applied when the hook succeeds).</summary>
    /// <param name="port">The port.</param>
    public void ClosePort(Port port)
    {
        ArgumentNullException.ThrowIfNull(port);
        model.Backend.ClosePort(port);
    }

    /// <summary>The ports this unit has open.</summary>
    /// <returns>The ports.</returns>
    public IReadOnlyList<Port> OpenedPorts() => model.Backend.GetOpenedPorts();

    /// <summary>Makes exactly these ports open: closes the others and opens the missing ones, and calls nothing when they already match.</summary>
    /// <param name="ports">The ports that should be open.</param>
    public void SetPorts(params IEnumerable<Port> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var desired = ports.ToHashSet();
        var existing = OpenedPorts().ToHashSet();
        foreach (var port in existing.Except(desired).OrderBy(p => p.ToString(), StringComparer.Ordinal))
        {
            model.Backend.ClosePort(port);
        }

        foreach (var port in desired.Except(existing).OrderBy(p => p.ToString(), StringComparer.Ordinal))
        {
            model.Backend.OpenPort(port);
        }
    }

    /// <summary>A workload container declared in the charm's metadata (the same object, and Pebble client, every time).</summary>
    /// <param name="name">The container name.</param>
    /// <returns>The container.</returns>
    /// <exception cref="KeyNotFoundException">The metadata declares no such container.</exception>
    public Container GetContainer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (containers.TryGetValue(name, out var container))
        {
            return container;
        }

        if (!model.Metadata.Containers.TryGetValue(name, out var meta))
        {
            throw new KeyNotFoundException($"container '{name}' is not declared in the charm's metadata (declared: {string.Join(", ", model.Metadata.Containers.Keys)})");
        }

        container = new Container(meta, model.PebbleClients);
        containers[name] = container;
        return container;
    }

    /// <summary>The workload containers declared in the charm's metadata.</summary>
    public IReadOnlyList<Container> Containers => model.Metadata.Containers.Keys.Select(GetContainer).ToList();

    /// <summary>Creates a secret owned by this unit.</summary>
    /// <param name="content">The content: keys of at least three lower-case characters, non-empty values.</param>
    /// <param name="options">Label, description, expiry and rotation.</param>
    /// <returns>The new secret.</returns>
    public Secret AddSecret(IReadOnlyDictionary<string, string> content, SecretOptions? options = null) =>
        model.Secrets.Add(content, SecretOwner.Unit, options ?? new SecretOptions());

    /// <inheritdoc />
    public override string ToString() => Name;
}
