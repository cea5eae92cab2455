using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>A workload container as its Pebble sees it.</summary>
/// <param name="Name">The container name, as declared.</param>
public sealed record Container(string Name)
{
    /// <summary>Whether the charm can reach Pebble (false before the workload container has started).</summary>
    public bool CanConnect { get; init; }

    /// <summary>The layers, in the order they were added (later layers override earlier ones in the plan).</summary>
    public ValueList<Layer> Layers { get; init; } = ValueList<Layer>.Empty;

    /// <summary>The status of services of the plan: <c>active</c>, <c>inactive</c>, <c>error</c> or <c>backoff</c>.
    /// On input only <c>active</c> matters: those services are started.</summary>
    public ValueMap<string, string> ServiceStatuses { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>Regular files by absolute path, as UTF-8 text.</summary>
    public ValueMap<string, string> Files { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>What commands run in the container answer.</summary>
    public ValueList<Exec> Execs { get; init; } = ValueList<Exec>.Empty;
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
public sealed record Storage(string Name)
{
    /// <summary>The instance number: the storage id is <c>&lt;name&gt;/&lt;index&gt;</c>.</summary>
    public int Index { get; init; }

    /// <summary>The storage id, e.g. <c>data/0</c>.</summary>
    public string Id => FormattableString.Invariant($"{Name}/{Index}");
}
