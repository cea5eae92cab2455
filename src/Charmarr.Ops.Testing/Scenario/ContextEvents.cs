using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>The events a state-transition test can run (<c>ctx.On.ConfigChanged()</c>, <c>ctx.On.RelationChanged(relation, 0)</c>, …).</summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read as ctx.On.ConfigChanged(), like Scenario's ctx.on.config_changed(); instance members by design.")]
public sealed class ContextEvents
{
    private int actionCounter;

    internal ContextEvents()
    {
    }

    /// <summary>install.</summary>
    /// <returns>The event.</returns>
    public Event Install() => new("install");

    /// <summary>start.</summary>
    /// <returns>The event.</returns>
    public Event Start() => new("start");

    /// <summary>stop.</summary>
    /// <returns>The event.</returns>
    public Event Stop() => new("stop");

    /// <summary>remove.</summary>
    /// <returns>The event.</returns>
    public Event Remove() => new("remove");

    /// <summary>update-status.</summary>
    /// <returns>The event.</returns>
    public Event UpdateStatus() => new("update-status");

    /// <summary>config-changed.</summary>
    /// <returns>The event.</returns>
    public Event ConfigChanged() => new("config-changed");

    /// <summary>upgrade-charm.</summary>
    /// <returns>The event.</returns>
    public Event UpgradeCharm() => new("upgrade-charm");

    /// <summary>leader-elected.</summary>
    /// <returns>The event.</returns>
    public Event LeaderElected() => new("leader-elected");

    /// <summary>leader-settings-changed.</summary>
    /// <returns>The event.</returns>
    public Event LeaderSettingsChanged() => new("leader-settings-changed");

    /// <summary>pre-series-upgrade.</summary>
    /// <returns>The event.</returns>
    public Event PreSeriesUpgrade() => new("pre-series-upgrade");

    /// <summary>post-series-upgrade.</summary>
    /// <returns>The event.</returns>
    public Event PostSeriesUpgrade() => new("post-series-upgrade");

    /// <summary>&lt;endpoint&gt;-relation-created.</summary>
    /// <param name="relation">The relation, as it is in the state.</param>
    /// <returns>The event.</returns>
    public Event RelationCreated(RelationBase relation) => RelationEvent("created", relation, null, null);

    /// <summary>&lt;endpoint&gt;-relation-joined.</summary>
    /// <param name="relation">The relation, as it is in the state.</param>
    /// <param name="remoteUnit">The joining unit's number; the relation's only unit when <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    public Event RelationJoined(RelationBase relation, int? remoteUnit = null) => RelationEvent("joined", relation, remoteUnit, null);

    /// <summary>&lt;endpoint&gt;-relation-changed: a remote unit's bag changed (or was written unchanged: the state
    /// need not differ from the last run's), or the remote application's when <paramref name="remoteUnit"/> is <see langword="null"/>.</summary>
    /// <param name="relation">The relation, as it is in the state.</param>
    /// <param name="remoteUnit">The unit whose bag changed, or <see langword="null"/> for the application bag.</param>
    /// <returns>The event.</returns>
    public Event RelationChanged(RelationBase relation, int? remoteUnit = null) => RelationEvent("changed", relation, remoteUnit, null);

    /// <summary>&lt;endpoint&gt;-relation-departed: a remote unit leaves (<c>JUJU_REMOTE_UNIT</c> and <c>JUJU_DEPARTING_UNIT</c>
    /// are that unit). It is no longer listed during the hook and is gone from the output state.</summary>
    /// <param name="relation">The relation, as it is in the state (the departing unit still in it).</param>
    /// <param name="departingUnit">The number of the remote unit leaving; the relation's only unit when <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    public Event RelationDeparted(RelationBase relation, int? departingUnit = null) => RelationEvent("departed", relation, departingUnit, null);

    /// <summary>&lt;endpoint&gt;-relation-broken. The relation is not listed during the hook and is gone from the output state.</summary>
    /// <param name="relation">The relation, as it is in the state.</param>
    /// <returns>The event.</returns>
    public Event RelationBroken(RelationBase relation) => RelationEvent("broken", relation, null, null);

    /// <summary>&lt;storage&gt;-storage-attached.</summary>
    /// <param name="storage">The storage, as it is in the state.</param>
    /// <returns>The event.</returns>
    public Event StorageAttached(StorageState storage) => StorageEvent("attached", storage);

    /// <summary>&lt;storage&gt;-storage-detaching.</summary>
    /// <param name="storage">The storage, as it is in the state.</param>
    /// <returns>The event.</returns>
    public Event StorageDetaching(StorageState storage) => StorageEvent("detaching", storage);

    /// <summary>&lt;container&gt;-pebble-ready.</summary>
    /// <param name="container">The container, as it is in the state (it must be able to connect).</param>
    /// <returns>The event.</returns>
    public Event PebbleReady(ContainerState container) => Workload("pebble-ready", container);

    /// <summary>&lt;container&gt;-pebble-custom-notice: the notice is recorded in the container's Pebble before the hook.</summary>
    /// <param name="container">The container.</param>
    /// <param name="key">The notice key.</param>
    /// <returns>The event.</returns>
    public Event PebbleCustomNotice(ContainerState container, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new Event(Name(container, "pebble-custom-notice")) { Container = container, NoticeKey = key };
    }

    /// <summary>&lt;container&gt;-pebble-check-failed.</summary>
    /// <param name="container">The container.</param>
    /// <param name="check">The check's name.</param>
    /// <returns>The event.</returns>
    public Event PebbleCheckFailed(ContainerState container, string check) => new(Name(container, "pebble-check-failed")) { Container = container, CheckName = check };

    /// <summary>&lt;container&gt;-pebble-check-recovered.</summary>
    /// <param name="container">The container.</param>
    /// <param name="check">The check's name.</param>
    /// <returns>The event.</returns>
    public Event PebbleCheckRecovered(ContainerState container, string check) => new(Name(container, "pebble-check-recovered")) { Container = container, CheckName = check };

    /// <summary>secret-changed: the owner published a new revision of a secret this unit tracks.</summary>
    /// <param name="secret">The secret, as it is in the state.</param>
    /// <returns>The event.</returns>
    public Event SecretChanged(SecretState secret) => SecretEvent("secret-changed", secret, null);

    /// <summary>secret-rotate: time to rotate a secret this unit (or its application) owns.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The event.</returns>
    public Event SecretRotate(SecretState secret) => SecretEvent("secret-rotate", secret, null);

    /// <summary>secret-expired: a revision of an owned secret expired.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="revision">The revision.</param>
    /// <returns>The event.</returns>
    public Event SecretExpired(SecretState secret, int revision) => SecretEvent("secret-expired", secret, revision);

    /// <summary>secret-remove: no consumer tracks a revision of an owned secret any more.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="revision">The revision.</param>
    /// <returns>The event.</returns>
    public Event SecretRemove(SecretState secret, int revision) => SecretEvent("secret-remove", secret, revision);

    /// <summary>An action, run as <c>juju run</c> runs it: parameters are checked against the schema before the run.</summary>
    /// <param name="name">The action.</param>
    /// <param name="parameters">Its parameters, e.g. <c>("name", "Ada")</c>.</param>
    /// <returns>The event.</returns>
    public ActionEvent Action(string name, params (string Key, object? Value)[] parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        var json = new JsonObject();
        foreach (var (key, value) in parameters)
        {
            json[key] = JsonValues.From(value, $"parameter \"{key}\"");
        }

        return Action(name, json);
    }

    /// <summary>An action with JSON parameters.</summary>
    /// <param name="name">The action.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The event.</returns>
    public ActionEvent Action(string name, JsonObject parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        return new ActionEvent(name, parameters, (++actionCounter).ToString(CultureInfo.InvariantCulture));
    }

    private static Event RelationEvent(string kind, RelationBase relation, int? remoteUnit, int? departingUnit)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new Event($"{relation.Endpoint}-relation-{kind}") { Kind = kind, Relation = relation, RemoteUnitId = remoteUnit, DepartingUnitId = departingUnit };
    }

    private static Event StorageEvent(string kind, StorageState storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new Event($"{storage.Name}-storage-{kind}") { Kind = kind, Storage = storage };
    }

    private static Event Workload(string suffix, ContainerState container) => new(Name(container, suffix)) { Container = container };

    private static string Name(ContainerState container, string suffix)
    {
        ArgumentNullException.ThrowIfNull(container);
        return $"{container.Name}-{suffix}";
    }

    private static Event SecretEvent(string hook, SecretState secret, int? revision)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new Event(hook) { Kind = hook, Secret = secret, SecretRevision = revision };
    }
}
