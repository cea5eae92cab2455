using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.HookTools;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>
/// An in-memory Juju model behind <see cref="IJujuBackend"/>: one unit of one application, its config, relations and
/// databags, statuses, ports, action, unit state, storage, secrets, goal state and <c>juju-log</c> lines. It enforces
/// Juju's rules and fails with the exceptions the production hook-tool backend throws for the same mistake
/// (<see cref="PermissionDeniedException"/>, <see cref="RelationNotFoundException"/>, <see cref="SecretNotFoundException"/>,
/// <see cref="JujuModelException"/>, and <see cref="ArgumentException"/> for input rejected before any tool runs).
/// </summary>
/// <remarks>
/// Test code sets the model up through the public members that are not part of <see cref="IJujuBackend"/>; those are
/// not subject to Juju's access rules. Between <see cref="BeginHook"/> and <see cref="EndHook"/> the writes Juju keeps
/// back until a hook succeeds (relation data, unit state, ports, storage requests, secrets) are undone when the hook
/// fails; status, workload version, logs and action output stay, as they do in Juju. Outside a hook every write stays.
/// </remarks>
public sealed partial class MemoryJujuBackend : IJujuBackend
{
    /// <summary>Creates a model of one unit.</summary>
    /// <param name="unitName">This unit, e.g. <c>plex/0</c>; the application is the part before the slash.</param>
    /// <param name="modelUuid">The model's UUID, used in secret URIs.</param>
    /// <param name="jujuVersion">
    /// The Juju whose rules the model follows (default 3.6.4): from 4.0 unit bags carry no <c>private-address</c>,
    /// relation bags and config are held to Juju's 16 MiB totals, and secret ids are opaque.
    /// </param>
    public MemoryJujuBackend(string unitName = "test/0", string modelUuid = "5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90", JujuVersion? jujuVersion = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitName);
        ArgumentException.ThrowIfNullOrEmpty(modelUuid);
        var slash = unitName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == unitName.Length - 1 || !unitName[(slash + 1)..].All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"\"{unitName}\" is not a unit name such as app/0", nameof(unitName));
        }

        UnitName = unitName;
        AppName = unitName[..slash];
        ModelUuid = modelUuid;
        JujuVersion = jujuVersion ?? DefaultJujuVersion;
        appUnits.Add(unitName);
    }

    /// <summary>The Juju version a model emulates unless told otherwise: 3.6.4, the 3.6 LTS.</summary>
    public static JujuVersion DefaultJujuVersion { get; } = new(3, 6, 4);

    /// <summary>The Juju whose rules this model follows.</summary>
    public JujuVersion JujuVersion { get; }

    /// <summary>This unit's name.</summary>
    public string UnitName { get; }

    /// <summary>This application's name.</summary>
    public string AppName { get; }

    /// <summary>The model's UUID.</summary>
    public string ModelUuid { get; }

    /// <summary>Whether this unit is the leader.</summary>
    public bool Leader { get; set; }

    /// <inheritdoc />
    public bool IsLeader() => Leader;

    /// <summary>Builds the exception production raises when hook tool <paramref name="tool"/> exits with <paramref name="exitCode"/> and <paramref name="message"/>.</summary>
    private static JujuModelException Fail(string tool, int exitCode, string message) =>
        HookToolErrors.FromResult(tool, new HookToolResult(exitCode, string.Empty, $"ERROR {message}\n"));
}
