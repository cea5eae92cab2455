using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    /// <summary>The workload container's Pebble becomes reachable and Juju emits <c>&lt;container&gt;-pebble-ready</c>.</summary>
    /// <param name="container">The container, as declared.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public async Task ContainerPebbleReadyAsync(string container, CancellationToken cancellationToken = default)
    {
        SetCanConnect(container, true);
        await EmitAsync(WorkloadRequest("pebble-ready", container), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ContainerPebbleReadyAsync"/>
    public void ContainerPebbleReady(string container) => Sync(() => ContainerPebbleReadyAsync(container));

    /// <summary>Makes a container's Pebble reachable or not (calls then fail with <see cref="PebbleConnectionException"/>).</summary>
    /// <param name="container">The container.</param>
    /// <param name="canConnect">Whether Pebble answers.</param>
    public void SetCanConnect(string container, bool canConnect) => Pebble.For(DeclaredContainer(container)).CanConnect = canConnect;

    /// <summary>A container's simulated Pebble: its filesystem, layers, services, checks, notices and exec handlers.</summary>
    /// <param name="container">The container, as declared.</param>
    /// <returns>The simulator.</returns>
    public PebbleSimulator Container(string container) => Pebble.Simulator(DeclaredContainer(container));

    /// <summary>A container's current plan (all layers combined).</summary>
    /// <param name="container">The container.</param>
    /// <returns>The plan.</returns>
    public PebblePlan GetPlan(string container) => PebblePlan.Parse(Container(container).PlanYaml);

    /// <summary>The status of each service in a container's plan (<c>active</c>, <c>inactive</c>, <c>error</c>, <c>backoff</c>).</summary>
    /// <param name="container">The container.</param>
    /// <returns>Service name to status.</returns>
    public IReadOnlyDictionary<string, string> GetServiceStatuses(string container) =>
        Container(container).GetServices().ToDictionary(s => s.Name, s => s.Current, StringComparer.Ordinal);

    /// <summary>Records a custom notice in the container's Pebble and emits <c>&lt;container&gt;-pebble-custom-notice</c>.</summary>
    /// <param name="container">The container.</param>
    /// <param name="key">The notice key, e.g. <c>example.com/reload</c>.</param>
    /// <param name="data">The notice data, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The notice id.</returns>
    public async Task<string> PebbleNotifyAsync(string container, string key, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
    {
        var id = Container(container).Notify(key, data);
        await EmitAsync(
            WorkloadRequest("pebble-custom-notice", container) with { NoticeId = id, NoticeType = "custom", NoticeKey = key },
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc cref="PebbleNotifyAsync"/>
    public string PebbleNotify(string container, string key, IReadOnlyDictionary<string, string>? data = null) =>
        Sync(() => PebbleNotifyAsync(container, key, data));

    /// <summary>Emits <c>&lt;container&gt;-pebble-check-failed</c> (or <c>-recovered</c>) for a check of the plan.</summary>
    /// <param name="container">The container.</param>
    /// <param name="check">The check's name.</param>
    /// <param name="failed">True for check-failed, false for check-recovered.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task PebbleCheckAsync(string container, string check, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(check);
        return EmitAsync(WorkloadRequest(failed ? "pebble-check-failed" : "pebble-check-recovered", container) with { CheckName = check }, cancellationToken);
    }

    /// <inheritdoc cref="PebbleCheckAsync"/>
    public void PebbleCheck(string container, string check, bool failed) => Sync(() => PebbleCheckAsync(container, check, failed));

    private EventRequest WorkloadRequest(string suffix, string container) =>
        EventRequest.Hook($"{DeclaredContainer(container)}-{suffix}") with { WorkloadName = container };

    private string DeclaredContainer(string container)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        return Metadata.Containers.ContainsKey(container)
            ? container
            : throw new ArgumentException(
                $"\"{container}\" is not a container of {Metadata.Name} (declared: {string.Join(", ", Metadata.Containers.Keys.Order(StringComparer.Ordinal))})",
                nameof(container));
    }
}
