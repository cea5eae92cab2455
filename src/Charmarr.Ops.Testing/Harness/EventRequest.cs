using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing;

/// <summary>
/// One event to dispatch, described by what Juju puts in the environment for it. <see cref="ToEnvironment"/> gives the
/// <c>JUJU_*</c> variables Juju would set, which the production parser then reads.
/// </summary>
internal sealed record EventRequest
{
    private EventRequest(string dispatchPath)
    {
        DispatchPath = dispatchPath;
    }

    /// <summary><c>hooks/&lt;name&gt;</c> or <c>actions/&lt;name&gt;</c>.</summary>
    public string DispatchPath { get; }

    public bool IsAction => DispatchPath.StartsWith("actions/", StringComparison.Ordinal);

    /// <summary>The hook or action name.</summary>
    public string Name => DispatchPath[(DispatchPath.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public string? RelationName { get; init; }

    public int? RelationId { get; init; }

    public string? RemoteApp { get; init; }

    public string? RemoteUnit { get; init; }

    public string? DepartingUnit { get; init; }

    public string? StorageId { get; init; }

    public string? StorageLocation { get; init; }

    public string? StorageKind { get; init; }

    public string? WorkloadName { get; init; }

    public string? NoticeId { get; init; }

    public string? NoticeType { get; init; }

    public string? NoticeKey { get; init; }

    public string? CheckName { get; init; }

    public string? SecretId { get; init; }

    public string? SecretLabel { get; init; }

    public int? SecretRevision { get; init; }

    public string? ActionUuid { get; init; }

    /// <summary>More variables, for events without a helper.</summary>
    public IReadOnlyDictionary<string, string?> Extra { get; init; } = new Dictionary<string, string?>();

    public static EventRequest Hook(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new EventRequest("hooks/" + name);
    }

    public static EventRequest Action(string name, string uuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new EventRequest("actions/" + name) { ActionUuid = uuid };
    }

    /// <summary>A relation hook: <c>&lt;endpoint&gt;-relation-&lt;kind&gt;</c> with the relation's variables.</summary>
    public static EventRequest Relation(string kind, string endpoint, int relationId, string remoteApp, string? remoteUnit = null, string? departingUnit = null) =>
        Hook($"{endpoint}-relation-{kind}") with
        {
            RelationName = endpoint,
            RelationId = relationId,
            RemoteApp = remoteApp,
            RemoteUnit = remoteUnit,
            DepartingUnit = departingUnit,
        };

    /// <summary>The environment Juju sets for this event in <paramref name="spec"/>'s unit.</summary>
    public Dictionary<string, string?> ToEnvironment(CharmSpec spec, string modelName, string modelUuid)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_DISPATCH_PATH"] = DispatchPath,
            ["JUJU_HOOK_NAME"] = IsAction ? "" : Name,
            ["JUJU_UNIT_NAME"] = spec.UnitName,
            ["JUJU_MODEL_NAME"] = modelName,
            ["JUJU_MODEL_UUID"] = modelUuid,
            ["JUJU_VERSION"] = spec.Options.JujuVersion,
            ["JUJU_CHARM_DIR"] = spec.CharmDir,
        };
        Set(env, "JUJU_ACTION_NAME", IsAction ? Name : null);
        Set(env, "JUJU_ACTION_UUID", ActionUuid);
        Set(env, "JUJU_RELATION", RelationName);
        Set(env, "JUJU_RELATION_ID", RelationId is { } id ? string.Create(CultureInfo.InvariantCulture, $"{RelationName}:{id}") : null);
        Set(env, "JUJU_REMOTE_APP", RemoteApp);
        Set(env, "JUJU_REMOTE_UNIT", RemoteUnit);
        Set(env, "JUJU_DEPARTING_UNIT", DepartingUnit);
        Set(env, "JUJU_STORAGE_ID", StorageId);
        Set(env, "JUJU_STORAGE_LOCATION", StorageLocation);
        Set(env, "JUJU_STORAGE_KIND", StorageKind);
        Set(env, "JUJU_WORKLOAD_NAME", WorkloadName);
        Set(env, "JUJU_NOTICE_ID", NoticeId);
        Set(env, "JUJU_NOTICE_TYPE", NoticeType);
        Set(env, "JUJU_NOTICE_KEY", NoticeKey);
        Set(env, "JUJU_PEBBLE_CHECK_NAME", CheckName);
        Set(env, "JUJU_SECRET_ID", SecretId);
        Set(env, "JUJU_SECRET_LABEL", SecretLabel);
        Set(env, "JUJU_SECRET_REVISION", SecretRevision?.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in Extra)
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>The event as the framework snapshots it when a handler defers it (its <c>JujuEventSnapshot</c> JSON).</summary>
    public JsonObject ToSnapshot()
    {
        var snapshot = new JsonObject { ["kind"] = IsAction ? "Action" : "Hook", ["eventName"] = Name };
        void Add(string key, JsonNode? value)
        {
            if (value is not null)
            {
                snapshot[key] = value;
            }
        }

        Add("relationName", RelationName);
        Add("relationId", RelationId);
        Add("remoteApp", RemoteApp);
        Add("remoteUnit", RemoteUnit);
        Add("departingUnit", DepartingUnit);
        Add("storageId", StorageId);
        Add("storageLocation", StorageLocation);
        Add("storageKind", StorageKind);
        Add("workloadName", WorkloadName);
        Add("noticeId", NoticeId);
        Add("noticeType", NoticeType);
        Add("noticeKey", NoticeKey);
        Add("checkName", CheckName);
        Add("secretId", SecretId);
        Add("secretLabel", SecretLabel);
        Add("secretRevision", SecretRevision);
        Add("actionUuid", ActionUuid);
        return snapshot;
    }

    private static void Set(Dictionary<string, string?> env, string name, string? value)
    {
        if (value is not null)
        {
            env[name] = value;
        }
    }
}
