using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;

namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>
/// An <see cref="IJujuBackend"/> over the in-memory model in which one hook tool fails: every call of it throws what
/// the production backend throws when the tool exits non-zero (a <see cref="JujuModelException"/> with the tool, the
/// exit code and its stderr). It records which tools the charm called, so the matrix knows whether the fault was hit.
/// </summary>
internal sealed class FaultyJujuBackend(IJujuBackend inner, string? failingTool, int exitCode) : IJujuBackend
{
    private readonly HashSet<string> called = [];
    private readonly Lock gate = new();

    /// <summary>The tools called, in no particular order.</summary>
    public IReadOnlyCollection<string> Called
    {
        get
        {
            lock (gate)
            {
                return [.. called];
            }
        }
    }

    /// <summary>Whether the failing tool was called (the fault was hit).</summary>
    public bool FaultHit { get; private set; }

    public bool IsLeader() => Tool("is-leader", inner.IsLeader);

    public IReadOnlyDictionary<string, JsonNode?> GetConfig() => Tool("config-get", inner.GetConfig);

    public IReadOnlyList<int> GetRelationIds(string endpoint) => Tool("relation-ids", () => inner.GetRelationIds(endpoint));

    public IReadOnlyList<string> GetRelationUnits(string endpoint, int relationId) => Tool("relation-list", () => inner.GetRelationUnits(endpoint, relationId));

    public string? GetRelationRemoteApp(string endpoint, int relationId) => Tool("relation-list", () => inner.GetRelationRemoteApp(endpoint, relationId));

    public IReadOnlyDictionary<string, string> GetRelationData(string endpoint, int relationId, string owner, bool isApp) =>
        Tool("relation-get", () => inner.GetRelationData(endpoint, relationId, owner, isApp));

    public void SetRelationData(string endpoint, int relationId, IReadOnlyDictionary<string, string> changes, bool isApp) =>
        Tool("relation-set", () => inner.SetRelationData(endpoint, relationId, changes, isApp));

    public StatusReport GetStatus(bool application) => Tool("status-get", () => inner.GetStatus(application));

    public void SetStatus(Status status, bool application) => Tool("status-set", () => inner.SetStatus(status, application));

    public void SetApplicationVersion(string version) => Tool("application-version-set", () => inner.SetApplicationVersion(version));

    public GoalState GetGoalState() => Tool("goal-state", inner.GetGoalState);

    public JsonObject GetActionParameters() => Tool("action-get", inner.GetActionParameters);

    public void SetActionResults(IReadOnlyDictionary<string, string> results) => Tool("action-set", () => inner.SetActionResults(results));

    public void FailAction(string message) => Tool("action-fail", () => inner.FailAction(message));

    public void LogAction(string message) => Tool("action-log", () => inner.LogAction(message));

    public void Log(JujuLogLevel level, string message) => Tool("juju-log", () => inner.Log(level, message));

    public void OpenPort(Port port) => Tool("open-port", () => inner.OpenPort(port));

    public void ClosePort(Port port) => Tool("close-port", () => inner.ClosePort(port));

    public IReadOnlyList<Port> GetOpenedPorts() => Tool("opened-ports", inner.GetOpenedPorts);

    public IReadOnlyList<string> ListStorage(string? name) => Tool("storage-list", () => inner.ListStorage(name));

    public StorageDetails GetStorage(string storageId) => Tool("storage-get", () => inner.GetStorage(storageId));

    public void AddStorage(string name, int count) => Tool("storage-add", () => inner.AddStorage(name, count));

    public IReadOnlyDictionary<string, string> GetState() => Tool("state-get", inner.GetState);

    public void SetState(IReadOnlyDictionary<string, string> values) => Tool("state-set", () => inner.SetState(values));

    public void DeleteState(string key) => Tool("state-delete", () => inner.DeleteState(key));

    public string AddSecret(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options) =>
        Tool("secret-add", () => inner.AddSecret(content, owner, options));

    public IReadOnlyDictionary<string, string> GetSecret(string? id, string? label, bool refresh, bool peek) =>
        Tool("secret-get", () => inner.GetSecret(id, label, refresh, peek));

    public SecretInfo GetSecretInfo(string? id, string? label) => Tool("secret-info-get", () => inner.GetSecretInfo(id, label));

    public void SetSecret(string id, IReadOnlyDictionary<string, string>? content, SecretOptions options) =>
        Tool("secret-set", () => inner.SetSecret(id, content, options));

    public void RemoveSecret(string id, int? revision) => Tool("secret-remove", () => inner.RemoveSecret(id, revision));

    public void GrantSecret(string id, int relationId, string? unit) => Tool("secret-grant", () => inner.GrantSecret(id, relationId, unit));

    public void RevokeSecret(string id, int relationId, string? unit) => Tool("secret-revoke", () => inner.RevokeSecret(id, relationId, unit));

    public IReadOnlyList<string> GetSecretIds() => Tool("secret-ids", inner.GetSecretIds);

    public NetworkInfo GetNetwork(string binding, int? relationId) => Tool("network-get", () => inner.GetNetwork(binding, relationId));

    public string GetResource(string name) => Tool("resource-get", () => inner.GetResource(name));

    private void Tool(string tool, Action call) => Tool(tool, () =>
    {
        call();
        return 0;
    });

    private T Tool<T>(string tool, Func<T> call)
    {
        lock (gate)
        {
            called.Add(tool);
        }

        if (tool == failingTool)
        {
            FaultHit = true;
            var stderr = exitCode == 2
                ? $"ERROR usage: {tool} [options]\n"
                : $"ERROR cannot {tool}: connection is shut down\n";
            throw new JujuModelException($"{tool} failed with exit code {exitCode}: {stderr.Trim()}", tool, exitCode, stderr);
        }

        return call();
    }
}
