using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Tools;

namespace Charmarr.Ops.FakeJuju.Driver;

/// Builds the environment Juju gives a hook or action process (only this list, not the caller's).
internal static class HookEnvironment
{
    private static readonly string[] RelationKinds = ["created", "joined", "changed", "departed", "broken"];
    private static readonly string[] StorageKinds = ["attached", "detaching"];
    private static readonly string[] PebbleKinds = ["ready", "custom-notice", "check-failed", "check-recovered"];

    public static Dictionary<string, string> Base(FakeModel model, string charmDir, string contextId, string stateDir, string shimsDir)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JUJU_CHARM_DIR"] = charmDir,
            ["CHARM_DIR"] = charmDir,
            ["JUJU_CONTEXT_ID"] = contextId,
            ["JUJU_AGENT_SOCKET_ADDRESS"] = "@fake-juju-" + contextId,
            ["JUJU_AGENT_SOCKET_NETWORK"] = "unix",
            ["JUJU_UNIT_NAME"] = model.UnitName,
            ["JUJU_MODEL_NAME"] = model.ModelName,
            ["JUJU_MODEL_UUID"] = model.ModelUuid,
            ["JUJU_VERSION"] = model.JujuVersion,
            ["JUJU_API_ADDRESSES"] = "10.0.0.1:17070",
            ["JUJU_MACHINE_ID"] = "",
            ["JUJU_AVAILABILITY_ZONE"] = "",
            ["JUJU_PRINCIPAL_UNIT"] = "",
            ["CLOUD_API_VERSION"] = "",
            ["JUJU_CHARM_HTTP_PROXY"] = "",
            ["JUJU_CHARM_HTTPS_PROXY"] = "",
            ["JUJU_CHARM_FTP_PROXY"] = "",
            ["JUJU_CHARM_NO_PROXY"] = "",
            ["LANG"] = "C.UTF-8",
            ["TERM"] = "tmux-256color",
            ["PATH"] = shimsDir + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"),
            [ToolHost.StateDirVariable] = stateDir,
        };
        foreach (var passThrough in (string[])["HOME", "DOTNET_ROOT"])
        {
            if (Environment.GetEnvironmentVariable(passThrough) is { Length: > 0 } value)
            {
                env[passThrough] = value;
            }
        }
        return env;
    }

    /// Adds the per-event variables of a hook, working out relation/storage/workload from its name.
    public static void AddHook(Dictionary<string, string> env, FakeModel model, string hookName, HookOptions options)
    {
        env["JUJU_DISPATCH_PATH"] = "hooks/" + hookName;
        env["JUJU_HOOK_NAME"] = hookName;
        if (Split(hookName, "-relation-", RelationKinds) is (string endpoint, string kind))
        {
            var relation = options.RelationId is { } id
                ? model.Relation(id)
                : model.Relations.Find(r => r.Endpoint == endpoint)
                  ?? throw new InvalidOperationException($"no relation for endpoint {endpoint}");
            var remoteUnit = kind is "created" or "broken"
                ? ""
                : options.RemoteUnit ?? (kind == "departed" ? options.DepartingUnit : null) ?? relation.RemoteUnits.FirstOrDefault() ?? "";
            env["JUJU_RELATION"] = relation.Endpoint;
            env["JUJU_RELATION_ID"] = relation.FakeId;
            env["JUJU_REMOTE_APP"] = relation.RemoteApp;
            env["JUJU_REMOTE_UNIT"] = remoteUnit;
            if (kind == "departed")
            {
                env["JUJU_DEPARTING_UNIT"] = options.DepartingUnit ?? remoteUnit;
            }
        }
        else if (Split(hookName, "-storage-", StorageKinds) is (string storageName, _))
        {
            var storageId = options.StorageId
                ?? model.Storage.Keys.Where(k => k.StartsWith(storageName + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException($"no storage instance of {storageName}");
            var storage = model.Storage[storageId];
            env["JUJU_STORAGE_ID"] = storageId;
            env["JUJU_STORAGE_LOCATION"] = storage.Location;
            env["JUJU_STORAGE_KIND"] = storage.Kind;
        }
        else if (Split(hookName, "-pebble-", PebbleKinds) is (string container, _))
        {
            env["JUJU_WORKLOAD_NAME"] = container;
        }
    }

    public static void AddAction(Dictionary<string, string> env, string actionName, string actionId)
    {
        env["JUJU_DISPATCH_PATH"] = "actions/" + actionName;
        env["JUJU_HOOK_NAME"] = "";
        env["JUJU_ACTION_NAME"] = actionName;
        env["JUJU_ACTION_UUID"] = actionId;
        env["JUJU_ACTION_TAG"] = "action-" + actionId;
    }

    private static (string Prefix, string Kind)? Split(string hookName, string separator, string[] kinds)
    {
        foreach (var kind in kinds)
        {
            var suffix = separator + kind;
            if (hookName.EndsWith(suffix, StringComparison.Ordinal) && hookName.Length > suffix.Length)
            {
                return (hookName[..^suffix.Length], kind);
            }
        }
        return null;
    }
}

/// Event details for <see cref="FakeJujuUnit.RunHook"/>; anything left null is worked out from the model.
public sealed record HookOptions
{
    public int? RelationId { get; init; }
    public string? RemoteUnit { get; init; }
    public string? DepartingUnit { get; init; }
    public string? StorageId { get; init; }

    /// Extra or overriding variables (JUJU_SECRET_ID, JUJU_NOTICE_ID, JUJU_PEBBLE_CHECK_NAME, ...).
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
