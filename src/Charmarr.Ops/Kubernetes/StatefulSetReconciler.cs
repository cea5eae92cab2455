using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Ops.Context;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// Brings the charm's own StatefulSet (named after the application, in the model's namespace) to a
/// <see cref="StatefulSetSpec"/>: one GET, a comparison, then only what differs — at most one JSON patch of removals
/// (index-based, guarded by <c>test</c> operations) and one strategic merge patch of additions and updates. When the
/// StatefulSet already is in the desired state nothing is patched, because every change to the pod template rolls the pod.
/// </summary>
/// <remarks>
/// Conflicts (409), throttling (429), server errors (5xx) and an unreachable API server are retried as
/// <see cref="KubernetesRetryPolicy"/> says, reading and re-planning each time; so is a removal patch whose guards
/// failed (422) because the StatefulSet changed since it was read. A call that outlasts
/// <see cref="KubernetesRetryPolicy.AttemptTimeout"/> counts as an unreachable API server; when the reconciler's calls
/// and waits together outlast <see cref="KubernetesRetryPolicy.Budget"/> (across every <see cref="ReconcileAsync"/> of
/// the instance, so of the hook) it throws <see cref="KubernetesTimeoutException"/>. Other errors are thrown at once:
/// <see cref="KubernetesForbiddenException"/> (the application is not trusted), <see cref="KubernetesNotFoundException"/>,
/// <see cref="KubernetesException"/>.
/// </remarks>
public sealed class StatefulSetReconciler : IDisposable
{
    private readonly IStatefulSetApi _api;
    private readonly bool _ownsApi;
    private readonly KubernetesRetryPolicy _retry;
    private readonly ILogger? _logger;
    private TimeSpan _spent;

    /// <summary>Creates a reconciler over any <see cref="IStatefulSetApi"/> (the production one, or a simulator's).</summary>
    /// <param name="api">The API.</param>
    /// <param name="namespaceName">The StatefulSet's namespace: the Juju model's name.</param>
    /// <param name="name">The StatefulSet's name: the Juju application's name.</param>
    /// <param name="retryPolicy">How to retry transient failures; <see cref="KubernetesRetryPolicy.Default"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where to log patches and retries, if anywhere.</param>
    public StatefulSetReconciler(IStatefulSetApi api, string namespaceName, string name, KubernetesRetryPolicy? retryPolicy = null, ILogger? logger = null)
        : this(api, namespaceName, name, retryPolicy, logger, ownsApi: false)
    {
    }

    private StatefulSetReconciler(IStatefulSetApi api, string namespaceName, string name, KubernetesRetryPolicy? retryPolicy, ILogger? logger, bool ownsApi)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _retry = retryPolicy ?? KubernetesRetryPolicy.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_retry.MaxAttempts, 1, nameof(retryPolicy));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_retry.Budget, TimeSpan.Zero, nameof(retryPolicy));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_retry.AttemptTimeout, TimeSpan.Zero, nameof(retryPolicy));
        _api = api;
        _ownsApi = ownsApi;
        _logger = logger;
        Namespace = namespaceName;
        Name = name;
    }

    /// <summary>The StatefulSet's namespace (the model's name).</summary>
    public string Namespace { get; }

    /// <summary>The StatefulSet's name (the application's name).</summary>
    public string Name { get; }

    /// <summary>Where <see cref="ReconcileIfChangedAsync"/> keeps what this unit confirmed; set for a charm's dispatch.</summary>
    internal StatefulSetConfirmation? Confirmation { get; init; }

    /// <summary>A reconciler for the application's StatefulSet, through the pod's service account.</summary>
    /// <param name="appName">The Juju application's name (<see cref="JujuContext.AppName"/>).</param>
    /// <param name="modelName">The Juju model's name (<see cref="JujuContext.ModelName"/>).</param>
    /// <param name="retryPolicy">How to retry transient failures.</param>
    /// <param name="logger">Where to log patches and retries, if anywhere.</param>
    /// <returns>The reconciler; dispose it to release the client.</returns>
    /// <exception cref="KubernetesException">Not running in a Kubernetes pod with a service account token.</exception>
    public static StatefulSetReconciler CreateInCluster(string appName, string modelName, KubernetesRetryPolicy? retryPolicy = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(appName);
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        return new StatefulSetReconciler(KubernetesStatefulSetApi.InCluster(), modelName, appName, retryPolicy, logger, ownsApi: true);
    }

    /// <summary>A reconciler for the StatefulSet of the application this hook runs for, through the pod's service account.</summary>
    /// <param name="context">The dispatch's Juju context (application and model names).</param>
    /// <param name="retryPolicy">How to retry transient failures.</param>
    /// <param name="logger">Where to log patches and retries, if anywhere.</param>
    /// <returns>The reconciler; dispose it to release the client.</returns>
    /// <exception cref="KubernetesException">Not running in a Kubernetes pod with a service account token.</exception>
    public static StatefulSetReconciler CreateInCluster(JujuContext context, KubernetesRetryPolicy? retryPolicy = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CreateInCluster(context.AppName, context.ModelName, retryPolicy, logger);
    }

    /// <summary>Brings the StatefulSet to <paramref name="spec"/>, patching only what differs.</summary>
    /// <param name="spec">The desired state.</param>
    /// <param name="cancellationToken">Cancels the reconcile (between and during calls).</param>
    /// <returns>What was changed; nothing when the StatefulSet already was in the desired state.</returns>
    /// <exception cref="ArgumentException"><paramref name="spec"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The StatefulSet has no container named as the spec says.</exception>
    /// <exception cref="KubernetesForbiddenException">The application may not read or patch its StatefulSet: it needs <c>juju trust</c>.</exception>
    /// <exception cref="KubernetesNotFoundException">The StatefulSet does not exist.</exception>
    /// <exception cref="KubernetesTimeoutException">The API server did not answer within the hook's <see cref="KubernetesRetryPolicy.Budget"/>.</exception>
    /// <exception cref="KubernetesException">Any other failure, or a transient one that outlasted the retries.</exception>
    public async Task<StatefulSetReconcileResult> ReconcileAsync(StatefulSetSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        StatefulSetSpecValidator.Validate(spec);
        var remaining = _retry.Budget - _spent;
        if (remaining <= TimeSpan.Zero)
        {
            throw OutOfBudget(0, last: null);
        }

        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(remaining);
        try
        {
            return await ReconcileWithinAsync(spec, budget.Token, cancellationToken);
        }
        finally
        {
            // The budget's timer and the stopwatch tick apart: a budget that fired is spent, even if the clock says
            // a fraction of a millisecond is left, so a later reconcile of the hook makes no attempt.
            _spent = budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? _retry.Budget : _spent + clock.Elapsed;
        }
    }

    /// <summary>
    /// Brings the StatefulSet to <paramref name="spec"/> as <see cref="ReconcileAsync"/> does, unless this unit already
    /// confirmed this very spec in an earlier dispatch: then no API call is made at all (no client, no TLS), and the result
    /// says <see cref="StatefulSetReconcileResult.Skipped"/>. The confirmation is the spec's canonical text in the unit's stored
    /// state, saved when the dispatch succeeds. <c>install</c>, <c>start</c>, <c>upgrade-charm</c> (Juju rewrites the
    /// StatefulSet on refresh), <c>leader-elected</c> and <c>update-status</c> always read, so a change made by hand
    /// (<c>kubectl edit</c>) is undone by the next update-status at the latest. A reconciler made outside a charm's
    /// dispatch (constructed directly) has nowhere to keep the confirmation and always reads.
    /// </summary>
    /// <param name="spec">The desired state.</param>
    /// <param name="cancellationToken">Cancels the reconcile (between and during calls).</param>
    /// <returns>What was changed; nothing when the StatefulSet already was, or was confirmed to be, in the desired state.</returns>
    /// <exception cref="ArgumentException"><paramref name="spec"/> is invalid.</exception>
    /// <exception cref="InvalidOperationException">The StatefulSet has no container named as the spec says.</exception>
    /// <exception cref="KubernetesForbiddenException">The application may not read or patch its StatefulSet: it needs <c>juju trust</c>.</exception>
    /// <exception cref="KubernetesNotFoundException">The StatefulSet does not exist.</exception>
    /// <exception cref="KubernetesTimeoutException">The API server did not answer within the hook's <see cref="KubernetesRetryPolicy.Budget"/>.</exception>
    /// <exception cref="KubernetesException">Any other failure, or a transient one that outlasted the retries.</exception>
    public async Task<StatefulSetReconcileResult> ReconcileIfChangedAsync(StatefulSetSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        StatefulSetSpecValidator.Validate(spec);
        if (Confirmation is not { } confirmation)
        {
            return await ReconcileAsync(spec, cancellationToken);
        }

        var text = StatefulSetSpecText.Compute(Namespace, Name, spec);
        if (confirmation.Holds(text))
        {
            _logger?.LogDebug("StatefulSet {Namespace}/{Name}: this spec was confirmed in an earlier dispatch; not read", Namespace, Name);
            return StatefulSetReconcileResult.Confirmed;
        }

        var result = await ReconcileAsync(spec, cancellationToken);
        confirmation.Confirm(text);
        return result;
    }

    private async Task<StatefulSetReconcileResult> ReconcileWithinAsync(StatefulSetSpec spec, CancellationToken budget, CancellationToken cancellationToken)
    {
        var failures = new List<KubernetesException>();
        try
        {
            return await AttemptAllAsync(spec, failures.Add, budget);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw OutOfBudget(failures.Count + 1, failures.LastOrDefault());
        }
    }

    private KubernetesTimeoutException OutOfBudget(int attempts, KubernetesException? last)
    {
        var seconds = _retry.Budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        var tries = attempts.ToString(CultureInfo.InvariantCulture);
        return new KubernetesTimeoutException(
            $"The Kubernetes API server did not answer in time: the hook's {seconds} s budget for Kubernetes calls ran out after {tries} attempt(s) to reconcile StatefulSet {Namespace}/{Name}. "
            + "Check that the cluster's API server is up and reachable from the unit (kubectl get --raw /readyz); the charm tries again on its next event.",
            _retry.Budget,
            last);
    }

    private async Task<StatefulSetReconcileResult> AttemptAllAsync(StatefulSetSpec spec, Action<KubernetesException> failed, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        KubernetesException? staleRemoval = null;
        string? staleVersion = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var current = await CallAsync("get", token => _api.GetAsync(Namespace, Name, token), cancellationToken);
                var version = ResourceVersion(current);
                if (staleRemoval is not null && version == staleVersion)
                {
                    // Nothing changed since the guarded removal was refused, so the refusal was not about a stale read.
                    var refusal = staleRemoval;
                    staleRemoval = null;
                    throw refusal;
                }

                staleRemoval = null;
                var plan = StatefulSetPlanner.Plan(current, spec);
                if (plan.Removals is { } removals)
                {
                    try
                    {
                        await PatchAsync(StatefulSetPatchKind.Json, removals, plan.RemovalChanges, cancellationToken);
                    }
                    catch (KubernetesException e) when (e.StatusCode == 422)
                    {
                        (staleRemoval, staleVersion) = (e, version);
                        throw;
                    }

                    changes.AddRange(plan.RemovalChanges);
                }

                if (plan.Additions is { } additions)
                {
                    await PatchAsync(StatefulSetPatchKind.StrategicMerge, additions, plan.AdditionChanges, cancellationToken);
                    changes.AddRange(plan.AdditionChanges);
                }

                return new StatefulSetReconcileResult(changes);
            }
            catch (KubernetesException e) when (Failed(e, failed) && (e.IsTransient || ReferenceEquals(e, staleRemoval)) && attempt < _retry.MaxAttempts)
            {
                var delay = _retry.DelayBefore(attempt);
                _logger?.LogWarning("Reconciling StatefulSet {Namespace}/{Name} failed (attempt {Attempt} of {MaxAttempts}), retrying in {Delay}: {Error}",
                    Namespace, Name, attempt, _retry.MaxAttempts, delay, e.Message);
                await _retry.Delay(delay, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsApi && _api is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static string? ResourceVersion(JsonObject statefulSet) =>
        statefulSet["metadata"]?["resourceVersion"] is JsonValue value && value.TryGetValue<string>(out var version) ? version : null;

    private static bool Failed(KubernetesException e, Action<KubernetesException> failed)
    {
        failed(e);
        return true;
    }

    private async Task PatchAsync(StatefulSetPatchKind kind, JsonNode patch, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        _logger?.LogInformation("Patching StatefulSet {Namespace}/{Name}: {Changes}", Namespace, Name, string.Join("; ", changes));
        var body = patch.ToJsonString();
        await CallAsync("patch", token => _api.PatchAsync(Namespace, Name, kind, body, token), cancellationToken);
    }

    /// <summary>One call, abandoned after <see cref="KubernetesRetryPolicy.AttemptTimeout"/> as an unreachable API server.</summary>
    private async Task<JsonObject> CallAsync(string verb, Func<CancellationToken, Task<JsonObject>> call, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_retry.AttemptTimeout);
        try
        {
            return await call(attempt.Token);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new KubernetesConnectionException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The Kubernetes API server did not answer within {_retry.AttemptTimeout.TotalSeconds:0.#} s to {verb} StatefulSet {Namespace}/{Name}."),
                e);
        }
    }
}
