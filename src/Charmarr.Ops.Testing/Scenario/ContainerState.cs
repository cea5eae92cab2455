using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>A workload container as its Pebble sees it.</summary>
/// <param name="Name">The container name, as declared.</param>
public sealed record ContainerState(string Name)
{
    /// <summary>Whether the charm can reach Pebble (false before the workload container has started).</summary>
    public bool CanConnect { get; init; }

    /// <summary>The layers, in the order they were added (later layers override earlier ones in the plan).</summary>
    public ValueList<Layer> Layers { get; init; } = ValueList<Layer>.Empty;

    /// <summary>The status of services of the plan. On input only <see cref="ServiceStatus.Active"/> matters: those services are started.</summary>
    public ValueMap<string, ServiceStatus> ServiceStatuses { get; init; } = ValueMap<string, ServiceStatus>.Empty;

    /// <summary>The health of checks of the plan. A check left out is as Pebble starts it (<see cref="CheckState.Starting"/>:
    /// up, no runs yet), on input and on output, so a run that touches no check gives the input back.</summary>
    public ValueMap<string, CheckState> Checks { get; init; } = ValueMap<string, CheckState>.Empty;

    /// <summary>Regular files by absolute path, as UTF-8 text.</summary>
    public ValueMap<string, string> Files { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>What commands run in the container answer.</summary>
    public ValueList<Exec> Execs { get; init; } = ValueList<Exec>.Empty;

    /// <summary>Whether a service of the plan is running.</summary>
    /// <param name="service">The service.</param>
    /// <returns>Whether its status is <see cref="ServiceStatus.Active"/>.</returns>
    public bool IsRunning(string service) => ServiceStatuses.TryGetValue(service, out var status) && status == ServiceStatus.Active;

    /// <summary>This container with a check in a given state, e.g. <c>plex.WithCheck("ready", CheckState.Passing)</c>.</summary>
    /// <param name="check">The check, declared in one of the layers.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The container.</returns>
    public ContainerState WithCheck(string check, CheckState state) => this with { Checks = Checks.With(check, state) };
}

/// <summary>A Pebble layer and its label.</summary>
/// <param name="Label">The label, e.g. <c>plex</c>.</param>
/// <param name="Content">The layer.</param>
public sealed record Layer(string Label, PebbleLayer Content);

/// <summary>The answer of commands starting with <see cref="CommandPrefix"/> (the longest matching prefix wins).</summary>
/// <param name="CommandPrefix">The argv prefix, e.g. <c>["plex", "--version"]</c>.</param>
public sealed record Exec(ValueList<string> CommandPrefix)
{
    /// <summary>The exit code.</summary>
    public int ReturnCode { get; init; }

    /// <summary>What the command writes to standard output.</summary>
    public string Stdout { get; init; } = "";

    /// <summary>What the command writes to standard error.</summary>
    public string Stderr { get; init; } = "";
}

/// <summary>A storage instance attached to the unit.</summary>
/// <param name="Name">The storage name, as declared.</param>
public sealed record StorageState(string Name)
{
    /// <summary>The instance number: the storage id is <c>&lt;name&gt;/&lt;index&gt;</c>.</summary>
    public int Index { get; init; }

    /// <summary>The storage id, e.g. <c>data/0</c>.</summary>
    public string Id => FormattableString.Invariant($"{Name}/{Index}");
}
