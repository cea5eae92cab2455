using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>This unit's status.</summary>
    public Status UnitStatus => Backend.UnitStatus;

    /// <summary>This application's status (set by the leader).</summary>
    public Status AppStatus => Backend.AppStatus;

    /// <summary>Every unit status the charm set, oldest first.</summary>
    public IReadOnlyList<Status> UnitStatusHistory => Backend.UnitStatusHistory;

    /// <summary>The workload version the charm set; empty when none.</summary>
    public string WorkloadVersion => Backend.WorkloadVersion;

    /// <summary>The ports this unit has open.</summary>
    public IReadOnlyList<Port> OpenedPorts => Backend.OpenedPorts;

    /// <summary>Every <c>juju-log</c> line of every event, oldest first (<see cref="LastEvent"/> has the latest event's).</summary>
    public IReadOnlyList<JujuLogLine> Logs => Backend.Logs;

    /// <summary>The <c>juju-log</c> messages at one level, oldest first.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<string> LogMessages(JujuLogLevel level) => Backend.Logs.Where(l => l.Level == level).Select(l => l.Message).ToList();

    /// <summary>The events deferred and waiting to be re-emitted, oldest first.</summary>
    public IReadOnlyList<DeferredEvent> DeferredEvents => DeferredEvent.ReadQueue(Backend.UnitState);

    /// <summary>The application's StatefulSet as the simulated Kubernetes API holds it now, typed (its JSON is <see cref="StatefulSetView.Document"/>).</summary>
    public StatefulSetView? StatefulSet => Kubernetes.StatefulSets.Get(ModelName, AppName) is { } document ? new StatefulSetView(document) : null;

    /// <summary>A stored value as committed, read with the same JSON metadata the charm uses.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The stored key: the owner's path and the value's name, e.g. <c>SampleCharm/state</c>.</param>
    /// <param name="typeInfo">The value's source-generated JSON metadata.</param>
    /// <returns>The value, or <see langword="default"/> when nothing is stored under the key.</returns>
    public T? GetStoredState<T>(string key, JsonTypeInfo<T> typeInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Backend.UnitState.TryGetValue(key, out var json) ? JsonSerializer.Deserialize(json, typeInfo) : default;
    }
}
