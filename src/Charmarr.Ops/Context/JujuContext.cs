using System.Collections;
using System.Globalization;

namespace Charmarr.Ops.Context;

/// <summary>
/// Everything Juju tells a charm process through <c>JUJU_*</c> environment variables, parsed and typed.
/// Juju exports variables that do not apply as empty strings; those read as <see langword="null"/> here.
/// </summary>
public sealed record JujuContext
{
    /// <summary>What was dispatched: <c>hooks/&lt;name&gt;</c> or <c>actions/&lt;name&gt;</c> (<c>JUJU_DISPATCH_PATH</c>).</summary>
    public required string DispatchPath { get; init; }

    /// <summary>Whether a hook or an action was dispatched.</summary>
    public DispatchKind Kind { get; init; }

    /// <summary>The hook or action name taken from <see cref="DispatchPath"/>, e.g. <c>db-relation-changed</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>This unit's name, e.g. <c>plex-k8s/0</c> (<c>JUJU_UNIT_NAME</c>).</summary>
    public required string UnitName { get; init; }

    /// <summary>This application's name: the unit name before the <c>/</c>.</summary>
    public string AppName => UnitName[..UnitName.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The charm directory, also the process's working directory (<c>JUJU_CHARM_DIR</c>).</summary>
    public required string CharmDir { get; init; }

    /// <summary>The model's name (<c>JUJU_MODEL_NAME</c>).</summary>
    public string ModelName { get; init; } = "";

    /// <summary>The model's UUID (<c>JUJU_MODEL_UUID</c>).</summary>
    public string ModelUuid { get; init; } = "";

    /// <summary>The Juju agent's version (<c>JUJU_VERSION</c>); <see cref="JujuVersion.Unknown"/> when absent.</summary>
    public JujuVersion Version { get; init; } = JujuVersion.Unknown;

    /// <summary>The hook name as Juju gives it; empty for actions (<c>JUJU_HOOK_NAME</c>).</summary>
    public string? HookName { get; init; }

    /// <summary>The machine id on machine models (<c>JUJU_MACHINE_ID</c>).</summary>
    public string? MachineId { get; init; }

    /// <summary>The availability zone, when known (<c>JUJU_AVAILABILITY_ZONE</c>).</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The principal unit of a subordinate (<c>JUJU_PRINCIPAL_UNIT</c>).</summary>
    public string? PrincipalUnit { get; init; }

    /// <summary>The relation endpoint of a relation event (<c>JUJU_RELATION</c>).</summary>
    public string? RelationName { get; init; }

    /// <summary>The relation id of a relation event: the number after the last <c>:</c> of <c>JUJU_RELATION_ID</c>.</summary>
    public int? RelationId { get; init; }

    /// <summary>The remote application of a relation event (<c>JUJU_REMOTE_APP</c>, else derived from the remote unit).</summary>
    public string? RemoteApp { get; init; }

    /// <summary>The remote unit of a relation event; absent in created and broken (<c>JUJU_REMOTE_UNIT</c>).</summary>
    public string? RemoteUnit { get; init; }

    /// <summary>The unit leaving, in relation-departed; may be this unit (<c>JUJU_DEPARTING_UNIT</c>).</summary>
    public string? DepartingUnit { get; init; }

    /// <summary>The running action's name (<c>JUJU_ACTION_NAME</c>).</summary>
    public string? ActionName { get; init; }

    /// <summary>The running action's id (<c>JUJU_ACTION_UUID</c>).</summary>
    public string? ActionUuid { get; init; }

    /// <summary>The storage instance of a storage event, e.g. <c>data/0</c> (<c>JUJU_STORAGE_ID</c>).</summary>
    public string? StorageId { get; init; }

    /// <summary>The storage name: <see cref="StorageId"/> before the <c>/</c>.</summary>
    public string? StorageName => StorageId is null ? null : StorageId.Split('/')[0];

    /// <summary>The storage index: <see cref="StorageId"/> after the <c>/</c>.</summary>
    public int? StorageIndex => StorageId is { } id && id.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
        && int.TryParse(id[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>Where the storage is attached (<c>JUJU_STORAGE_LOCATION</c>).</summary>
    public string? StorageLocation { get; init; }

    /// <summary>The storage kind: <c>filesystem</c> or <c>block</c> (<c>JUJU_STORAGE_KIND</c>).</summary>
    public string? StorageKind { get; init; }

    /// <summary>The workload container of a Pebble event (<c>JUJU_WORKLOAD_NAME</c>).</summary>
    public string? WorkloadName { get; init; }

    /// <summary>The Pebble notice id (<c>JUJU_NOTICE_ID</c>).</summary>
    public string? NoticeId { get; init; }

    /// <summary>The Pebble notice type (<c>JUJU_NOTICE_TYPE</c>).</summary>
    public string? NoticeType { get; init; }

    /// <summary>The Pebble notice key (<c>JUJU_NOTICE_KEY</c>).</summary>
    public string? NoticeKey { get; init; }

    /// <summary>The Pebble check of a check event (<c>JUJU_PEBBLE_CHECK_NAME</c>).</summary>
    public string? CheckName { get; init; }

    /// <summary>The secret of a secret event (<c>JUJU_SECRET_ID</c>).</summary>
    public string? SecretId { get; init; }

    /// <summary>The secret's label, when it has one (<c>JUJU_SECRET_LABEL</c>).</summary>
    public string? SecretLabel { get; init; }

    /// <summary>The secret revision of secret-remove and secret-expired (<c>JUJU_SECRET_REVISION</c>).</summary>
    public int? SecretRevision { get; init; }

    /// <summary>The target base of pre-series-upgrade (<c>JUJU_TARGET_BASE</c>).</summary>
    public string? TargetBase { get; init; }

    /// <summary>Whether the hook runs inside <c>juju debug-hooks</c> (<c>JUJU_DEBUG</c>).</summary>
    public bool Debug { get; init; }

    /// <summary>The <c>juju debug-code</c> targets (<c>JUJU_DEBUG_AT</c>).</summary>
    public IReadOnlyList<string> DebugAt { get; init; } = [];

    /// <summary>Reads the context from this process's environment.</summary>
    /// <returns>The context.</returns>
    /// <exception cref="JujuContextException">A variable Juju always sets is missing or malformed.</exception>
    public static JujuContext FromEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = entry.Value as string;
        }

        return FromEnvironment(env);
    }

    /// <summary>Reads the context from a set of environment variables.</summary>
    /// <param name="environment">The variables.</param>
    /// <returns>The context.</returns>
    /// <exception cref="JujuContextException">A variable Juju always sets is missing or malformed.</exception>
    public static JujuContext FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        var unit = Get("JUJU_UNIT_NAME")
            ?? throw new JujuContextException("JUJU_UNIT_NAME is not set: this program is a Juju charm and must be run by Juju (or by Charmarr.Ops.Testing)");
        if (unit.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            throw new JujuContextException($"JUJU_UNIT_NAME \"{unit}\" is not a unit name like app/0");
        }

        var dispatchPath = Get("JUJU_DISPATCH_PATH")
            ?? (Get("JUJU_ACTION_NAME") is { } action ? $"actions/{action}" : null)
            ?? (Get("JUJU_HOOK_NAME") is { } hook ? $"hooks/{hook}" : null)
            ?? throw new JujuContextException("JUJU_DISPATCH_PATH is not set, so there is no event to handle");
        var (kind, eventName) = ParseDispatchPath(dispatchPath);

        var remoteUnit = Get("JUJU_REMOTE_UNIT");
        if (remoteUnit is not null && remoteUnit.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            throw new JujuContextException($"JUJU_REMOTE_UNIT \"{remoteUnit}\" is not a unit name like app/0");
        }

        return new JujuContext
        {
            DispatchPath = dispatchPath,
            Kind = kind,
            EventName = eventName,
            UnitName = unit,
            CharmDir = Get("JUJU_CHARM_DIR") ?? Get("CHARM_DIR") ?? Directory.GetCurrentDirectory(),
            ModelName = Get("JUJU_MODEL_NAME") ?? "",
            ModelUuid = Get("JUJU_MODEL_UUID") ?? "",
            Version = ParseVersion(Get("JUJU_VERSION")),
            HookName = Get("JUJU_HOOK_NAME"),
            MachineId = Get("JUJU_MACHINE_ID"),
            AvailabilityZone = Get("JUJU_AVAILABILITY_ZONE"),
            PrincipalUnit = Get("JUJU_PRINCIPAL_UNIT"),
            RelationName = Get("JUJU_RELATION"),
            RelationId = ParseRelationId(Get("JUJU_RELATION_ID")),
            RemoteApp = Get("JUJU_REMOTE_APP") ?? remoteUnit?.Split('/')[0],
            RemoteUnit = remoteUnit,
            DepartingUnit = Get("JUJU_DEPARTING_UNIT"),
            ActionName = Get("JUJU_ACTION_NAME") ?? (kind == DispatchKind.Action ? eventName : null),
            ActionUuid = Get("JUJU_ACTION_UUID"),
            StorageId = Get("JUJU_STORAGE_ID"),
            StorageLocation = Get("JUJU_STORAGE_LOCATION"),
            StorageKind = Get("JUJU_STORAGE_KIND"),
            WorkloadName = Get("JUJU_WORKLOAD_NAME"),
            NoticeId = Get("JUJU_NOTICE_ID"),
            NoticeType = Get("JUJU_NOTICE_TYPE"),
            NoticeKey = Get("JUJU_NOTICE_KEY"),
            CheckName = Get("JUJU_PEBBLE_CHECK_NAME"),
            SecretId = Get("JUJU_SECRET_ID"),
            SecretLabel = Get("JUJU_SECRET_LABEL"),
            SecretRevision = ParseInt("JUJU_SECRET_REVISION", Get("JUJU_SECRET_REVISION")),
            TargetBase = Get("JUJU_TARGET_BASE"),
            Debug = environment.ContainsKey("JUJU_DEBUG"),
            DebugAt = Get("JUJU_DEBUG_AT") is { } at
                ? at.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [],
        };
    }

    /// <summary>Splits <c>hooks/&lt;name&gt;</c> or <c>actions/&lt;name&gt;</c>.</summary>
    /// <param name="dispatchPath">The dispatch path.</param>
    /// <returns>The kind and the name.</returns>
    /// <exception cref="JujuContextException">The path is neither form.</exception>
    public static (DispatchKind Kind, string Name) ParseDispatchPath(string dispatchPath)
    {
        ArgumentNullException.ThrowIfNull(dispatchPath);
        var parts = dispatchPath.Split('/');
        if (parts.Length >= 2 && parts[^1].Length > 0)
        {
            switch (parts[^2])
            {
                case "hooks":
                    return (DispatchKind.Hook, parts[^1]);
                case "actions":
                    return (DispatchKind.Action, parts[^1]);
            }
        }

        throw new JujuContextException($"JUJU_DISPATCH_PATH \"{dispatchPath}\" is neither hooks/<name> nor actions/<name>");
    }

    private static JujuVersion ParseVersion(string? text)
    {
        try
        {
            return JujuVersion.Parse(text);
        }
        catch (FormatException e)
        {
            throw new JujuContextException($"JUJU_VERSION: {e.Message}", e);
        }
    }

    private static int? ParseRelationId(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var number = text[(text.LastIndexOf(':') + 1)..];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JujuContextException($"JUJU_RELATION_ID \"{text}\" is not a relation id like db:3");
    }

    private static int? ParseInt(string name, string? text) => text is null
        ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JujuContextException($"{name} \"{text}\" is not a number");
}
