using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>
/// Everything the charm can observe or change, before or after one event. Immutable: derive a new state with
/// <c>with</c>. Two states with equal content are equal (the collections compare by value).
/// </summary>
public sealed record CharmState
{
    /// <summary>Whether this unit is the leader.</summary>
    public bool Leader { get; init; }

    /// <summary>How many units the application should have (goal state).</summary>
    public int PlannedUnits { get; init; } = 1;

    /// <summary>Config options set by the operator (defaults from the metadata apply to the rest): string, long/int, double, bool.</summary>
    public ValueMap<string, object> Config { get; init; } = ValueMap<string, object>.Empty;

    /// <summary>The relations (<see cref="RelationState"/> and <see cref="PeerRelationState"/>).</summary>
    public ValueList<RelationBase> Relations { get; init; } = ValueList<RelationBase>.Empty;

    /// <summary>The workload containers.</summary>
    public ValueList<ContainerState> Containers { get; init; } = ValueList<ContainerState>.Empty;

    /// <summary>The attached storage instances.</summary>
    public ValueList<StorageState> Storages { get; init; } = ValueList<StorageState>.Empty;

    /// <summary>Secrets this unit owns or has been granted.</summary>
    public ValueList<SecretState> Secrets { get; init; } = ValueList<SecretState>.Empty;

    /// <summary>What <c>network-get</c> answers, by binding; a default address for the rest.</summary>
    public ValueMap<string, NetworkInfo> Networks { get; init; } = ValueMap<string, NetworkInfo>.Empty;

    /// <summary>Resources by name, with the local path <c>resource-get</c> gives.</summary>
    public ValueMap<string, string> Resources { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>This unit's status.</summary>
    public Status UnitStatus { get; init; } = Status.Unknown;

    /// <summary>This application's status.</summary>
    public Status AppStatus { get; init; } = Status.Unknown;

    /// <summary>The workload version.</summary>
    public string WorkloadVersion { get; init; } = "";

    /// <summary>The ports this unit has open.</summary>
    public ValueList<Port> OpenedPorts { get; init; } = ValueList<Port>.Empty;

    /// <summary>Stored state as committed: key (owner path and name, e.g. <c>MyCharm/state</c>) to JSON.</summary>
    public ValueMap<string, string> StoredState { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>The deferred events waiting to be re-emitted, oldest first.</summary>
    public ValueList<DeferredEvent> Deferred { get; init; } = ValueList<DeferredEvent>.Empty;

    /// <summary>The application's StatefulSet; <see langword="null"/> on input means the one Juju creates for the charm.</summary>
    public StatefulSetView? StatefulSet { get; init; }

    /// <summary>The model's name, also the Kubernetes namespace; <see langword="null"/> for the context's
    /// (<see cref="CharmTestOptions.ModelName"/>). The output always names it.</summary>
    public string? ModelName { get; init; }

    /// <summary>The model's UUID; <see langword="null"/> for the context's (<see cref="CharmTestOptions.ModelUuid"/>).</summary>
    public string? ModelUuid { get; init; }

    /// <summary>The relation with this id.</summary>
    /// <param name="id">The relation id.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public RelationBase GetRelation(int id) =>
        Relations.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"the state has no relation {id} (ids: {string.Join(", ", Relations.Select(r => r.Id))})");

    /// <summary>The relations on an endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The relations.</returns>
    public IReadOnlyList<RelationBase> GetRelations(string endpoint) => Relations.Where(r => r.Endpoint == endpoint).ToList();

    /// <summary>The container with this name.</summary>
    /// <param name="name">The container name.</param>
    /// <returns>The container.</returns>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public ContainerState GetContainer(string name) =>
        Containers.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"the state has no container \"{name}\"");

    /// <summary>The secret with this id or (when <paramref name="id"/> is null) this label.</summary>
    /// <param name="id">The secret URI, or <see langword="null"/>.</param>
    /// <param name="label">The label, or <see langword="null"/>.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public SecretState GetSecret(string? id = null, string? label = null) =>
        Secrets.FirstOrDefault(s => id is not null ? SecretIds.Same(s.Id, id) : s.Label == label)
        ?? throw new KeyNotFoundException($"the state has no secret {id ?? "labelled " + label}");

    /// <summary>A stored value, read with the same JSON metadata the charm uses.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The stored key, e.g. <c>MyCharm/state</c>.</param>
    /// <param name="typeInfo">The value's source-generated JSON metadata.</param>
    /// <returns>The value, or <see langword="default"/> when nothing is stored under the key.</returns>
    public T? GetStoredState<T>(string key, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return StoredState.TryGetValue(key, out var json) ? JsonSerializer.Deserialize(json, typeInfo) : default;
    }
}
