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
    public void SetCanConnect(string container, bool canConnect) => PebbleClients.For(DeclaredContainer(container)).CanConnect = canConnect;

    /// <summary>A container's simulated Pebble: its filesystem, layers, services, checks, notices, exec handlers and calls.</summary>
    /// <param name="container">The container, as declared.</param>
    /// <returns>The simulator.</returns>
    /// <exception cref="ArgumentException">The charm declares no such container.</exception>
    public PebbleSimulator Pebble(string container) => PebbleClients.Simulator(DeclaredContainer(container));

    /// <summary>A container's current plan (all layers combined).</summary>
    /// <param name="container">The container.</param>
    /// <returns>The plan.</returns>
    public PebblePlan GetPlan(string container) => PebblePlan.Parse(Pebble(container).PlanYaml);

    /// <summary>The status of each service in a container's plan.</summary>
    /// <param name="container">The container.</param>
    /// <returns>Service name to status.</returns>
    public IReadOnlyDictionary<string, ServiceStatus> GetServiceStatuses(string container) =>
        Pebble(container).GetServices().ToDictionary(s => s.Name, s => new ServiceStatus(s.Current), StringComparer.Ordinal);

    /// <summary>The status of one service of a container's plan.</summary>
    /// <param name="container">The container.</param>
    /// <param name="service">The service.</param>
    /// <returns>Its status.</returns>
    /// <exception cref="KeyNotFoundException">The plan has no such service; the message lists those it has.</exception>
    public ServiceStatus GetServiceStatus(string container, string service)
    {
        var statuses = GetServiceStatuses(container);
        return statuses.TryGetValue(service, out var status)
            ? status
            : throw new KeyNotFoundException($"the plan of container \"{container}\" has no service \"{service}\" (services: {string.Join(", ", statuses.Keys)})");
    }

    /// <summary>Whether a service of the plan is running (<see cref="ServiceStatus.Active"/>); false when the plan has no such service.</summary>
    /// <param name="container">The container.</param>
    /// <param name="service">The service.</param>
    /// <returns>Whether it runs.</returns>
    public bool IsRunning(string container, string service) =>
        GetServiceStatuses(container).GetValueOrDefault(service) == ServiceStatus.Active;

    /// <summary>The status of one check of a container's plan.</summary>
    /// <param name="container">The container.</param>
    /// <param name="check">The check.</param>
    /// <returns>Its status, successes and failures.</returns>
    /// <exception cref="ArgumentException">The plan has no such check.</exception>
    public CheckState GetCheck(string container, string check) =>
        Pebble(container).GetChecks(null, check) is [var info]
            ? CheckState.From(info)
            : throw UndeclaredCheck(container, check);

    /// <summary>Records a custom notice in the container's Pebble and emits <c>&lt;container&gt;-pebble-custom-notice</c>.</summary>
    /// <param name="container">The container.</param>
    /// <param name="key">The notice key, e.g. <c>example.com/reload</c>.</param>
    /// <param name="data">The notice data, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The notice id.</returns>
    public async Task<string> PebbleNotifyAsync(string container, string key, IReadOnlyDictionary<string, string>? data = null, CancellationToken cancellationToken = default)
    {
        var id = Pebble(container).Notify(key, data);
        await EmitAsync(
            WorkloadRequest("pebble-custom-notice", container, s => s with { NoticeId = id, NoticeType = "custom", NoticeKey = key }),
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc cref="PebbleNotifyAsync"/>
    public string PebbleNotify(string container, string key, IReadOnlyDictionary<string, string>? data = null) =>
        Sync(() => PebbleNotifyAsync(container, key, data));

    /// <summary>
    /// A check fails its threshold of times in a row, as Pebble sees it: the check goes down (services with
    /// <c>on-check-failure</c> react) and Juju emits <c>&lt;container&gt;-pebble-check-failed</c>.
    /// </summary>
    /// <param name="container">The container.</param>
    /// <param name="check">A check of the container's current plan.</param>
    /// <param name="error">The error of the failing runs.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="ArgumentException">The plan has no such check.</exception>
    /// <exception cref="InvalidOperationException">The check is not running (stopped, or already down).</exception>
    public async Task PebbleCheckFailedAsync(string container, string check, string? error = null, CancellationToken cancellationToken = default)
    {
        var state = GetCheck(container, check);
        if (state.Status != CheckStatus.Up)
        {
            throw new InvalidOperationException($"check \"{check}\" of container \"{container}\" is {state.Status}: only a check that is up can fail (Pebble sends check-failed once, when it goes down)");
        }

        var simulator = Pebble(container);
        while (GetCheck(container, check).Status == CheckStatus.Up)
        {
            simulator.ReportCheckFailure(check, error);
        }

        await EmitAsync(WorkloadRequest("pebble-check-failed", container, s => s with { CheckName = check }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="PebbleCheckFailedAsync"/>
    public void PebbleCheckFailed(string container, string check, string? error = null) => Sync(() => PebbleCheckFailedAsync(container, check, error));

    /// <summary>
    /// A check that is down passes again: it comes back up and Juju emits <c>&lt;container&gt;-pebble-check-recovered</c>.
    /// To mark a check that never failed as passing, use <see cref="PassCheck"/> (Pebble sends no event for that).
    /// </summary>
    /// <param name="container">The container.</param>
    /// <param name="check">A check of the container's current plan that is down.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    /// <exception cref="ArgumentException">The plan has no such check.</exception>
    /// <exception cref="InvalidOperationException">The check is not down: it never failed, so Pebble would not send check-recovered.</exception>
    public async Task PebbleCheckRecoveredAsync(string container, string check, CancellationToken cancellationToken = default)
    {
        var state = GetCheck(container, check);
        if (state.Status != CheckStatus.Down)
        {
            throw new InvalidOperationException(
                $"check \"{check}\" of container \"{container}\" is {state.Status}, not down: Pebble sends check-recovered only after check-failed. "
                + "To mark a passing check, use PassCheck (no event), then the event the charm should see");
        }

        Pebble(container).ReportCheckSuccess(check);
        await EmitAsync(WorkloadRequest("pebble-check-recovered", container, s => s with { CheckName = check }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="PebbleCheckRecoveredAsync"/>
    public void PebbleCheckRecovered(string container, string check) => Sync(() => PebbleCheckRecoveredAsync(container, check));

    /// <summary>One run of a check succeeds (its success count goes up; a down check comes back up). Emits nothing:
    /// Pebble only tells Juju when a check goes down and when it recovers.</summary>
    /// <param name="container">The container.</param>
    /// <param name="check">A check of the container's current plan.</param>
    /// <exception cref="ArgumentException">The plan has no such check.</exception>
    /// <exception cref="InvalidOperationException">The check is not running (stopped or disabled).</exception>
    public void PassCheck(string container, string check)
    {
        if (GetCheck(container, check).Status == CheckStatus.Inactive)
        {
            throw new InvalidOperationException($"check \"{check}\" of container \"{container}\" is inactive (stopped or startup: disabled): it does not run");
        }

        Pebble(container).ReportCheckSuccess(check);
    }

    private EventRequest WorkloadRequest(string suffix, string container, Func<Events.JujuEventSnapshot, Events.JujuEventSnapshot>? details = null) =>
        EventRequest.Hook($"{DeclaredContainer(container)}-{suffix}", s => (details ?? (d => d))(s with { WorkloadName = container }));

    private ArgumentException UndeclaredCheck(string container, string check)
    {
        var checks = Pebble(container).GetChecks().Select(c => c.Name).ToList();
        return new ArgumentException(
            $"container \"{container}\" has no check \"{check}\" in its plan (checks: {(checks.Count == 0 ? "none" : string.Join(", ", checks))})",
            nameof(check));
    }

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
