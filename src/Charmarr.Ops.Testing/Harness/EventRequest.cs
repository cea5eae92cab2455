using System.Globalization;
using Charmarr.Ops.Context;
using Charmarr.Ops.Events;

namespace Charmarr.Ops.Testing;

/// <summary>
/// One event to dispatch: the framework's own <see cref="JujuEventSnapshot"/> of it (what a deferred notice stores),
/// plus any extra variables. <see cref="ToEnvironment"/> gives the <c>JUJU_*</c> variables Juju would set, which the
/// production parser then reads.
/// </summary>
/// <param name="Snapshot">The event's identity as the framework records it.</param>
internal sealed record EventRequest(JujuEventSnapshot Snapshot)
{
    public bool IsAction => Snapshot.Kind == DispatchKind.Action;

    /// <summary>The hook or action name.</summary>
    public string Name => Snapshot.EventName;

    /// <summary><c>hooks/&lt;name&gt;</c> or <c>actions/&lt;name&gt;</c>.</summary>
    public string DispatchPath => (IsAction ? "actions/" : "hooks/") + Name;

    /// <summary>More variables, for events without a helper.</summary>
    public IReadOnlyDictionary<string, string?> Extra { get; init; } = new Dictionary<string, string?>();

    /// <summary>A hook, with the details its variables carry.</summary>
    public static EventRequest Hook(string name, Func<JujuEventSnapshot, JujuEventSnapshot>? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var snapshot = new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = name };
        return new EventRequest(details is null ? snapshot : details(snapshot));
    }

    public static EventRequest Action(string name, string uuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new EventRequest(new JujuEventSnapshot { Kind = DispatchKind.Action, EventName = name, ActionUuid = uuid });
    }

    /// <summary>A relation hook: <c>&lt;endpoint&gt;-relation-&lt;kind&gt;</c> with the relation's variables.</summary>
    public static EventRequest Relation(string kind, string endpoint, int relationId, string remoteApp, string? remoteUnit = null, string? departingUnit = null) =>
        Hook($"{endpoint}-relation-{kind}", s => s with
        {
            RelationName = endpoint,
            RelationId = relationId,
            RemoteApp = remoteApp,
            RemoteUnit = remoteUnit,
            DepartingUnit = departingUnit,
        });

    /// <summary>The environment Juju sets for this event in <paramref name="spec"/>'s unit.</summary>
    public Dictionary<string, string?> ToEnvironment(CharmSpec spec, string modelName, string modelUuid)
    {
        var s = Snapshot;
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_DISPATCH_PATH"] = DispatchPath,
            ["JUJU_HOOK_NAME"] = IsAction ? "" : Name,
            ["JUJU_UNIT_NAME"] = spec.UnitName,
            ["JUJU_MODEL_NAME"] = modelName,
            ["JUJU_MODEL_UUID"] = modelUuid,
            ["JUJU_VERSION"] = spec.Options.JujuVersion,
            ["JUJU_CHARM_DIR"] = spec.CharmDir,
            ["JUJU_ACTION_NAME"] = IsAction ? Name : null,
            ["JUJU_ACTION_UUID"] = s.ActionUuid,
            ["JUJU_RELATION"] = s.RelationName,
            ["JUJU_RELATION_ID"] = s.RelationId is { } id ? string.Create(CultureInfo.InvariantCulture, $"{s.RelationName}:{id}") : null,
            ["JUJU_REMOTE_APP"] = s.RemoteApp,
            ["JUJU_REMOTE_UNIT"] = s.RemoteUnit,
            ["JUJU_DEPARTING_UNIT"] = s.DepartingUnit,
            ["JUJU_STORAGE_ID"] = s.StorageId,
            ["JUJU_STORAGE_LOCATION"] = s.StorageLocation,
            ["JUJU_STORAGE_KIND"] = s.StorageKind,
            ["JUJU_WORKLOAD_NAME"] = s.WorkloadName,
            ["JUJU_NOTICE_ID"] = s.NoticeId,
            ["JUJU_NOTICE_TYPE"] = s.NoticeType,
            ["JUJU_NOTICE_KEY"] = s.NoticeKey,
            ["JUJU_PEBBLE_CHECK_NAME"] = s.CheckName,
            ["JUJU_SECRET_ID"] = s.SecretId,
            ["JUJU_SECRET_LABEL"] = s.SecretLabel,
            ["JUJU_SECRET_REVISION"] = s.SecretRevision?.ToString(CultureInfo.InvariantCulture),
            ["JUJU_TARGET_BASE"] = s.TargetBase,
        };
        foreach (var (key, value) in Extra)
        {
            env[key] = value;
        }

        // Juju leaves out what does not apply to the event.
        foreach (var key in env.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            env.Remove(key);
        }

        return env;
    }
}
