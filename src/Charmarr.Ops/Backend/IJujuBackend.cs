using System.Text.Json.Nodes;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Backend;

/// <summary>
/// Everything the model asks of Juju, one member per hook-tool operation. Production talks to the hook
/// tools on <c>PATH</c> (<c>HookToolBackend</c>); tests swap in an in-memory model.
/// Implementations throw <see cref="JujuModelException"/> or one of its subclasses on failure, never a raw
/// process or I/O exception. Calls are synchronous: one hook runs in one single-threaded process.
/// </summary>
public interface IJujuBackend
{
    /// <summary><c>is-leader</c>: whether this unit is the leader.</summary>
    /// <returns><see langword="true"/> when this unit holds leadership.</returns>
    bool IsLeader();

    /// <summary><c>config-get</c>: every option that is set or has a non-null default.</summary>
    /// <returns>The options by name, with their JSON-typed values.</returns>
    IReadOnlyDictionary<string, JsonNode?> GetConfig();

    /// <summary><c>relation-ids</c>: the ids of the live relations on an endpoint.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <returns>The relation ids, ascending.</returns>
    IReadOnlyList<int> GetRelationIds(string endpoint);

    /// <summary><c>relation-list</c>: the remote units that have joined a relation.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <param name="relationId">The relation id.</param>
    /// <returns>The unit names.</returns>
    IReadOnlyList<string> GetRelationUnits(string endpoint, int relationId);

    /// <summary><c>relation-list --app</c>: the remote application's name.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <param name="relationId">The relation id.</param>
    /// <returns>The application name, or <see langword="null"/> when Juju does not know it.</returns>
    string? GetRelationRemoteApp(string endpoint, int relationId);

    /// <summary><c>relation-get</c>: all keys of one databag.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <param name="relationId">The relation id.</param>
    /// <param name="owner">The unit or application whose bag to read.</param>
    /// <param name="isApp">Whether <paramref name="owner"/> names an application bag.</param>
    /// <returns>The databag; empty when it has no keys.</returns>
    IReadOnlyDictionary<string, string> GetRelationData(string endpoint, int relationId, string owner, bool isApp);

    /// <summary><c>relation-set</c>: writes keys of this unit's or this application's bag; an empty value deletes the key.</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <param name="relationId">The relation id.</param>
    /// <param name="changes">The keys to set or, with an empty value, delete.</param>
    /// <param name="isApp">Whether to write the application bag (leader only).</param>
    void SetRelationData(string endpoint, int relationId, IReadOnlyDictionary<string, string> changes, bool isApp);

    /// <summary><c>status-get --include-data</c>: the status Juju holds.</summary>
    /// <param name="application">Whether to read the application status (leader only).</param>
    /// <returns>The status report.</returns>
    StatusReport GetStatus(bool application);

    /// <summary><c>status-set</c>: sets the unit or application status. Takes effect immediately.</summary>
    /// <param name="status">A settable status.</param>
    /// <param name="application">Whether to set the application status (leader only).</param>
    void SetStatus(Status status, bool application);

    /// <summary><c>application-version-set</c>: the workload version shown by <c>juju status</c>.</summary>
    /// <param name="version">The version; empty clears it.</param>
    void SetApplicationVersion(string version);

    /// <summary><c>goal-state</c>: the units and relation members Juju is working toward.</summary>
    /// <returns>The goal state.</returns>
    GoalState GetGoalState();

    /// <summary><c>action-get</c>: the running action's parameters, schema defaults included.</summary>
    /// <returns>The parameters object.</returns>
    JsonObject GetActionParameters();

    /// <summary><c>action-set</c>: adds results to the running action.</summary>
    /// <param name="results">Flattened results: dotted keys whose segments follow Juju's key rules, string values.</param>
    void SetActionResults(IReadOnlyDictionary<string, string> results);

    /// <summary><c>action-fail</c>: marks the running action failed with a message (the process carries on).</summary>
    /// <param name="message">Why it failed.</param>
    void FailAction(string message);

    /// <summary><c>action-log</c>: sends a progress message for the running action.</summary>
    /// <param name="message">The message.</param>
    void LogAction(string message);

    /// <summary><c>juju-log</c>: writes to the unit's log in the controller.</summary>
    /// <param name="level">The level.</param>
    /// <param name="message">The message; long messages are split to fit the argument-size limit.</param>
    void Log(JujuLogLevel level, string message);

    /// <summary><c>open-port</c>.</summary>
    /// <param name="port">The port or range.</param>
    void OpenPort(Port port);

    /// <summary><c>close-port</c>.</summary>
    /// <param name="port">The port or range.</param>
    void ClosePort(Port port);

    /// <summary><c>opened-ports</c>: the ports this unit has open.</summary>
    /// <returns>The ports.</returns>
    IReadOnlyList<Port> GetOpenedPorts();

    /// <summary><c>storage-list</c>: the ids of attached storage instances.</summary>
    /// <param name="name">A storage name to filter by, or <see langword="null"/> for all.</param>
    /// <returns>Storage ids such as <c>data/0</c>.</returns>
    IReadOnlyList<string> ListStorage(string? name);

    /// <summary><c>storage-get</c>: where a storage instance is attached.</summary>
    /// <param name="storageId">The storage id, e.g. <c>data/0</c>.</param>
    /// <returns>Its kind and location.</returns>
    StorageDetails GetStorage(string storageId);

    /// <summary><c>storage-add</c>: asks for more storage instances (applied when the hook succeeds).</summary>
    /// <param name="name">The storage name.</param>
    /// <param name="count">How many to add.</param>
    void AddStorage(string name, int count);

    /// <summary><c>state-get</c>: the unit's controller-side key-value state.</summary>
    /// <returns>Every key; empty when there is no state.</returns>
    IReadOnlyDictionary<string, string> GetState();

    /// <summary><c>state-set</c>: writes keys of the unit's state (committed when the hook succeeds).</summary>
    /// <param name="values">The keys and values.</param>
    void SetState(IReadOnlyDictionary<string, string> values);

    /// <summary><c>state-delete</c>: removes one key of the unit's state.</summary>
    /// <param name="key">The key.</param>
    void DeleteState(string key);

    /// <summary><c>secret-add</c>: creates a secret.</summary>
    /// <param name="content">The content: keys of at least three lower-case characters, non-empty values.</param>
    /// <param name="owner">Who owns it (an application secret needs leadership).</param>
    /// <param name="options">Label, description, expiry and rotation.</param>
    /// <returns>The new secret's URI.</returns>
    string AddSecret(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options);

    /// <summary><c>secret-get</c>: a secret's content.</summary>
    /// <param name="id">The secret URI, or <see langword="null"/> to look it up by label.</param>
    /// <param name="label">The label; with an id as a consumer, assigns the label.</param>
    /// <param name="refresh">Read the latest revision and start tracking it.</param>
    /// <param name="peek">Read the latest revision this once.</param>
    /// <returns>The content.</returns>
    IReadOnlyDictionary<string, string> GetSecret(string? id, string? label, bool refresh, bool peek);

    /// <summary><c>secret-info-get</c>: metadata of a secret this unit or application owns.</summary>
    /// <param name="id">The secret URI, or <see langword="null"/> to look it up by label.</param>
    /// <param name="label">The label when <paramref name="id"/> is <see langword="null"/>.</param>
    /// <returns>The metadata.</returns>
    SecretInfo GetSecretInfo(string? id, string? label);

    /// <summary><c>secret-set</c>: a new revision and/or new metadata.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="content">The new content, or <see langword="null"/> to change metadata only.</param>
    /// <param name="options">Metadata to change.</param>
    void SetSecret(string id, IReadOnlyDictionary<string, string>? content, SecretOptions options);

    /// <summary><c>secret-remove</c>: removes one revision, or all of them.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="revision">The revision, or <see langword="null"/> for all.</param>
    void RemoveSecret(string id, int? revision);

    /// <summary><c>secret-grant</c>: lets a related application, or one of its units, read a secret.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="relationId">The relation whose remote side gets access.</param>
    /// <param name="unit">One remote unit, or <see langword="null"/> for the whole application.</param>
    void GrantSecret(string id, int relationId, string? unit);

    /// <summary><c>secret-revoke</c>: withdraws access granted with <see cref="GrantSecret"/>.</summary>
    /// <param name="id">The secret URI.</param>
    /// <param name="relationId">The relation whose remote side loses access.</param>
    /// <param name="unit">One remote unit, or <see langword="null"/> for the whole application.</param>
    void RevokeSecret(string id, int relationId, string? unit);

    /// <summary><c>secret-ids</c>: the ids of secrets this unit or application owns.</summary>
    /// <returns>Bare secret ids.</returns>
    IReadOnlyList<string> GetSecretIds();

    /// <summary><c>network-get</c>: the addresses of an endpoint binding.</summary>
    /// <param name="binding">The binding (endpoint or extra-binding) name.</param>
    /// <param name="relationId">A relation id for relation-specific addresses, or <see langword="null"/>.</param>
    /// <returns>The network information.</returns>
    NetworkInfo GetNetwork(string binding, int? relationId);

    /// <summary><c>resource-get</c>: the local path of a charm resource, downloading it if needed.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The path.</returns>
    string GetResource(string name);
}
