using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Tests.Fakes;

/// <summary>An in-memory <see cref="IJujuBackend"/> for model tests: dictionaries for state, a log of every call made.
/// Operations a test does not set up throw <see cref="NotSupportedException"/>.</summary>
internal sealed class FakeJujuBackend : IJujuBackend
{
    public List<string> Calls { get; } = [];

    public bool Leader { get; set; }

    public Dictionary<string, JsonNode?> Config { get; } = new(StringComparer.Ordinal);

    /// <summary>Relation ids by endpoint.</summary>
    public Dictionary<string, List<int>> RelationIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Remote units by relation id.</summary>
    public Dictionary<int, List<string>> RelationUnits { get; } = [];

    /// <summary>Remote application by relation id.</summary>
    public Dictionary<int, string> RelationRemoteApps { get; } = [];

    /// <summary>Databags by (relation id, owner, isApp).</summary>
    public Dictionary<(int Id, string Owner, bool IsApp), Dictionary<string, string>> Databags { get; } = [];

    public List<(string Endpoint, int Id, Dictionary<string, string> Changes, bool IsApp)> RelationSets { get; } = [];

    public List<(Status Status, bool Application)> StatusSets { get; } = [];

    public Status UnitStatus { get; set; } = Status.Unknown;

    public Status AppStatus { get; set; } = Status.Unknown;

    public List<Port> OpenPorts { get; } = [];

    public GoalState Goal { get; set; } = new(new Dictionary<string, GoalStateEntry>(), new Dictionary<string, IReadOnlyDictionary<string, GoalStateEntry>>());

    public JsonObject ActionParameters { get; set; } = [];

    public List<IReadOnlyDictionary<string, string>> ActionResults { get; } = [];

    public List<string> ActionFailures { get; } = [];

    public Dictionary<string, List<string>> StorageIds { get; } = new(StringComparer.Ordinal);

    public int CallCount(string name) => Calls.Count(c => c == name);

    public IReadOnlyDictionary<string, string> Bag(int id, string owner, bool isApp)
    {
        if (!Databags.TryGetValue((id, owner, isApp), out var bag))
        {
            bag = new Dictionary<string, string>(StringComparer.Ordinal);
            Databags[(id, owner, isApp)] = bag;
        }

        return bag;
    }

    public void SetBag(int id, string owner, bool isApp, Dictionary<string, string> values) =>
        Databags[(id, owner, isApp)] = new Dictionary<string, string>(values, StringComparer.Ordinal);

    public bool IsLeader()
    {
        Calls.Add("is-leader");
        return Leader;
    }

    public IReadOnlyDictionary<string, JsonNode?> GetConfig()
    {
        Calls.Add("config-get");
        return Config.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone(), StringComparer.Ordinal);
    }

    public IReadOnlyList<int> GetRelationIds(string endpoint)
    {
        Calls.Add("relation-ids");
        return RelationIds.TryGetValue(endpoint, out var ids) ? [.. ids] : [];
    }

    public IReadOnlyList<string> GetRelationUnits(string endpoint, int relationId)
    {
        Calls.Add("relation-list");
        return RelationUnits.TryGetValue(relationId, out var units) ? [.. units] : [];
    }

    public string? GetRelationRemoteApp(string endpoint, int relationId)
    {
        Calls.Add("relation-list --app");
        return RelationRemoteApps.TryGetValue(relationId, out var app) ? app : null;
    }

    public IReadOnlyDictionary<string, string> GetRelationData(string endpoint, int relationId, string owner, bool isApp)
    {
        Calls.Add("relation-get");
        return new Dictionary<string, string>(Bag(relationId, owner, isApp), StringComparer.Ordinal);
    }

    public void SetRelationData(string endpoint, int relationId, IReadOnlyDictionary<string, string> changes, bool isApp)
    {
        Calls.Add("relation-set");
        RelationSets.Add((endpoint, relationId, new Dictionary<string, string>(changes, StringComparer.Ordinal), isApp));
    }

    public StatusReport GetStatus(bool application)
    {
        Calls.Add("status-get");
        return new StatusReport(application ? AppStatus : UnitStatus, new Dictionary<string, Status>());
    }

    public void SetStatus(Status status, bool application)
    {
        Calls.Add("status-set");
        StatusSets.Add((status, application));
    }

    public void SetApplicationVersion(string version) => Calls.Add("application-version-set");

    public GoalState GetGoalState()
    {
        Calls.Add("goal-state");
        return Goal;
    }

    public JsonObject GetActionParameters()
    {
        Calls.Add("action-get");
        return ActionParameters;
    }

    public void SetActionResults(IReadOnlyDictionary<string, string> results)
    {
        Calls.Add("action-set");
        ActionResults.Add(new Dictionary<string, string>(results, StringComparer.Ordinal));
    }

    public void FailAction(string message)
    {
        Calls.Add("action-fail");
        ActionFailures.Add(message);
    }

    public void LogAction(string message) => Calls.Add("action-log");

    public List<(JujuLogLevel Level, string Message)> LogLines { get; } = [];

    /// <summary>When set, juju-log fails with this exception.</summary>
    public Exception? LogFailure { get; set; }

    public void Log(JujuLogLevel level, string message)
    {
        Calls.Add("juju-log");
        if (LogFailure is not null)
        {
            throw LogFailure;
        }

        LogLines.Add((level, message));
    }

    public void OpenPort(Port port)
    {
        Calls.Add($"open-port {port}");
        OpenPorts.Add(port);
    }

    public void ClosePort(Port port)
    {
        Calls.Add($"close-port {port}");
        OpenPorts.Remove(port);
    }

    public IReadOnlyList<Port> GetOpenedPorts()
    {
        Calls.Add("opened-ports");
        return [.. OpenPorts];
    }

    public IReadOnlyList<string> ListStorage(string? name)
    {
        Calls.Add("storage-list");
        return name is not null && StorageIds.TryGetValue(name, out var ids) ? [.. ids] : [];
    }

    public StorageDetails GetStorage(string storageId)
    {
        Calls.Add("storage-get");
        return new StorageDetails("filesystem", $"/srv/{storageId}");
    }

    public void AddStorage(string name, int count) => throw new NotSupportedException();

    public Dictionary<string, string> State { get; } = new(StringComparer.Ordinal);

    public List<string> StateWrites { get; } = [];

    public IReadOnlyDictionary<string, string> GetState()
    {
        Calls.Add("state-get");
        return new Dictionary<string, string>(State, StringComparer.Ordinal);
    }

    public void SetState(IReadOnlyDictionary<string, string> values)
    {
        Calls.Add("state-set");
        StateWrites.Add("state-set " + string.Join(',', values.Keys));
        foreach (var (key, value) in values)
        {
            State[key] = value;
        }
    }

    public void DeleteState(string key)
    {
        Calls.Add("state-delete");
        StateWrites.Add("state-delete " + key);
        State.Remove(key);
    }

    public string AddSecret(IReadOnlyDictionary<string, string> content, SecretOwner owner, SecretOptions options) =>
        throw new NotSupportedException();

    public IReadOnlyDictionary<string, string> GetSecret(string? id, string? label, bool refresh, bool peek) =>
        throw new NotSupportedException();

    public SecretInfo GetSecretInfo(string? id, string? label) => throw new NotSupportedException();

    public void SetSecret(string id, IReadOnlyDictionary<string, string>? content, SecretOptions options) =>
        throw new NotSupportedException();

    public void RemoveSecret(string id, int? revision) => throw new NotSupportedException();

    public void GrantSecret(string id, int relationId, string? unit) => throw new NotSupportedException();

    public void RevokeSecret(string id, int relationId, string? unit) => throw new NotSupportedException();

    public IReadOnlyList<string> GetSecretIds() => throw new NotSupportedException();

    public NetworkInfo GetNetwork(string binding, int? relationId) => throw new NotSupportedException();

    public string GetResource(string name) => throw new NotSupportedException();
}
