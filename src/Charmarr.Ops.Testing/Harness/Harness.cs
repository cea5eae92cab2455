using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmarr.Ops.Testing;

/// <summary>
/// Drives a charm through a simulated deployment, one event at a time, on the production dispatcher: every event is the
/// environment Juju would set, dispatched by <see cref="CharmApp.DispatchAsync"/> with a fresh DI scope and a fresh
/// charm, deferred events re-emitted first, collect-status evaluated and stored state committed — exactly what runs in
/// Juju. The model behind it is <see cref="Backend"/> (an in-memory Juju enforcing Juju's rules), one simulated Pebble
/// per container (<see cref="Pebble"/>) and a simulated Kubernetes API (<see cref="Kubernetes"/>).
/// </summary>
/// <remarks>
/// <para>Convention: every member that emits an event has an <c>…Async</c> form and a synchronous twin that runs it on the
/// thread pool (so a test framework's synchronisation context cannot deadlock it); members that only set up or read
/// the model are synchronous. Before <see cref="Begin"/> the set-up members change the model without emitting events.</para>
/// <para>A hook that fails (the charm exits non-zero) is rolled back as Juju does and raises
/// <see cref="HookFailedException"/> with the charm's exception inside, unless <see cref="ThrowOnHookFailure"/> is off,
/// in which case it is recorded in <see cref="HookFailures"/>.</para>
/// </remarks>
/// <typeparam name="TCharm">The charm class.</typeparam>
public sealed partial class Harness<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm> : IDisposable
    where TCharm : CharmBase
{
    private readonly CharmRunner<TCharm> runner;
    private readonly List<HookFailedException> hookFailures = [];

    /// <summary>Creates a harness for the charm whose <c>charmcraft.yaml</c> is in <paramref name="charmDirectory"/>.</summary>
    /// <param name="charmDirectory">The charm's directory.</param>
    /// <param name="configure">The charm program's configuration — the same delegate its Program.cs applies to its
    /// <see cref="CharmAppBuilder"/>; the harness then plugs in the simulated Juju, Pebble and Kubernetes.</param>
    /// <param name="options">The unit, model and Juju version; defaults when <see langword="null"/>.</param>
    public Harness(string charmDirectory, Action<CharmAppBuilder>? configure = null, CharmTestOptions? options = null)
        : this(CharmSpec.FromDirectory(charmDirectory, configure, options))
    {
    }

    /// <summary>Creates a harness for a charm with these metadata.</summary>
    /// <param name="metadata">The charm's metadata (e.g. <see cref="CharmMetadata.ParseCharmcraft"/>).</param>
    /// <param name="configure">The charm program's configuration, as in Program.cs.</param>
    /// <param name="options">The unit, model and Juju version; defaults when <see langword="null"/>.</param>
    public Harness(CharmMetadata metadata, Action<CharmAppBuilder>? configure = null, CharmTestOptions? options = null)
        : this(CharmSpec.FromMetadata(metadata, configure, options))
    {
    }

    private Harness(CharmSpec spec)
    {
        var backend = new MemoryJujuBackend(spec.UnitName, spec.Options.ModelUuid, spec.Juju);
        foreach (var option in spec.Metadata.Config.Values)
        {
            backend.SetConfigDefault(option.Name, option.Default);
        }

        var pebble = new InProcessPebbleClientFactory();
        foreach (var container in spec.Metadata.Containers.Keys)
        {
            // As in Juju before the workload container starts: Pebble is not reachable until pebble-ready.
            pebble.For(container).CanConnect = false;
        }

        var kubernetes = new KubernetesSimulator();
        kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create(spec.Options.ModelName, spec.AppName, spec.Metadata));
        runner = new CharmRunner<TCharm>(spec, spec.Options.ModelName, spec.Options.ModelUuid, backend, pebble, kubernetes);
    }

    /// <summary>The charm's metadata.</summary>
    public CharmMetadata Metadata => runner.Spec.Metadata;

    /// <summary>This unit's name, e.g. <c>sample/0</c>.</summary>
    public string UnitName => runner.Spec.UnitName;

    /// <summary>This application's name.</summary>
    public string AppName => runner.Spec.AppName;

    /// <summary>The model's name, also the Kubernetes namespace.</summary>
    public string ModelName => runner.ModelName;

    /// <summary>The in-memory Juju model: set up anything without a helper here, and read anything back.</summary>
    public MemoryJujuBackend Backend => runner.Backend;

    /// <summary>The simulated Pebbles' clients, one per container (reachability); <see cref="Pebble(string)"/> gives a container's simulator.</summary>
    public InProcessPebbleClientFactory PebbleClients => runner.Pebble;

    /// <summary>The simulated Kubernetes API; the application's StatefulSet is in it from the start, as Juju creates it.</summary>
    public KubernetesSimulator Kubernetes => runner.Kubernetes;

    /// <summary>The root services of the charm's program that handled the latest event (what its configuration registered, plus
    /// the framework's). Like Juju, the Harness starts the program afresh for every event.</summary>
    public IServiceProvider Services => runner.Services;

    /// <summary>What the charm did during each dispatched event, oldest first.</summary>
    public IReadOnlyList<EventRecord> Events => runner.Records;

    /// <summary>What the charm did during the latest dispatched event: its logs, statuses, Kubernetes requests,
    /// services changes and commands.</summary>
    /// <exception cref="InvalidOperationException">No event has been dispatched yet.</exception>
    public EventRecord LastEvent => runner.Records is [.., var last]
        ? last
        : throw new InvalidOperationException("no event has been dispatched yet (before Begin, set-up emits nothing)");

    /// <summary>Whether <see cref="Begin"/> (or <see cref="BeginWithInitialHooksAsync"/>) has run: only then are events emitted.</summary>
    public bool IsBegun { get; private set; }

    /// <summary>Whether a failed hook throws <see cref="HookFailedException"/> (default) or is only recorded in <see cref="HookFailures"/>.</summary>
    public bool ThrowOnHookFailure { get; set; } = true;

    /// <summary>The hooks that failed while <see cref="ThrowOnHookFailure"/> was off, oldest first.</summary>
    public IReadOnlyList<HookFailedException> HookFailures => hookFailures;

    /// <summary>From now on, model changes emit the events Juju would send. Emits nothing itself; the charm is built
    /// afresh for every event, as in Juju.</summary>
    /// <exception cref="InvalidOperationException">Already begun.</exception>
    public void Begin()
    {
        if (IsBegun)
        {
            throw new InvalidOperationException("the harness has already begun; Begin runs once per harness");
        }

        IsBegun = true;
    }

    /// <summary>
    /// Begins and sends what Juju sends a new unit, in ops' order: storage-attached for attached storage, install,
    /// relation-created for every relation (peer relations declared in the metadata are added first), leader-elected
    /// (leader) or leader-settings-changed, config-changed, start, pebble-ready for each container (made connectable),
    /// then for each relation relation-changed for the remote application's data and relation-joined + relation-changed
    /// for each remote unit.
    /// </summary>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>A task that completes when every hook has run.</returns>
    public async Task BeginWithInitialHooksAsync(CancellationToken cancellationToken = default)
    {
        Begin();
        foreach (var storageId in Backend.ListStorage(null))
        {
            await EmitAsync(StorageRequest("attached", storageId), cancellationToken).ConfigureAwait(false);
        }

        await EmitAsync(EventRequest.Hook("install"), cancellationToken).ConfigureAwait(false);
        foreach (var peer in Metadata.Relations.Values.Where(r => r.Role == RelationRole.Peer && Backend.RelationIdsOf(r.Name).Count == 0))
        {
            Backend.AddPeerRelation(peer.Name);
        }

        var relations = AllRelationIds();
        foreach (var id in relations)
        {
            await EmitAsync(RelationRequest("created", id), cancellationToken).ConfigureAwait(false);
        }

        await EmitAsync(EventRequest.Hook(Backend.Leader ? "leader-elected" : "leader-settings-changed"), cancellationToken).ConfigureAwait(false);
        await EmitAsync(EventRequest.Hook("config-changed"), cancellationToken).ConfigureAwait(false);
        await EmitAsync(EventRequest.Hook("start"), cancellationToken).ConfigureAwait(false);
        foreach (var container in Metadata.Containers.Keys.Order(StringComparer.Ordinal))
        {
            await ContainerPebbleReadyAsync(container, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in relations)
        {
            if (Backend.GetRemoteAppData(id).Count > 0 && !IsPeer(id))
            {
                await EmitAsync(RelationRequest("changed", id), cancellationToken).ConfigureAwait(false);
            }

            foreach (var unit in RelationMembers(id))
            {
                await EmitAsync(RelationRequest("joined", id, unit), cancellationToken).ConfigureAwait(false);
                await EmitAsync(RelationRequest("changed", id, unit), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc cref="BeginWithInitialHooksAsync"/>
    public void BeginWithInitialHooks() => Sync(() => BeginWithInitialHooksAsync());

    /// <summary>
    /// Dispatches a hook by name, whether or not the harness has begun, for hooks without context: <c>install</c>,
    /// <c>start</c>, <c>stop</c>, <c>remove</c>, <c>upgrade-charm</c>, <c>update-status</c>, <c>config-changed</c>,
    /// <c>leader-elected</c>, <c>leader-settings-changed</c>, <c>pre-series-upgrade</c>, <c>post-series-upgrade</c>
    /// (each also has a typed member). Relation, storage, workload and secret hooks need their context: use their typed
    /// members (e.g. <see cref="RelationChanged"/>), which set it.
    /// </summary>
    /// <param name="hookName">The hook name, e.g. <c>upgrade-charm</c>.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The charm's exit code (0 on success).</returns>
    /// <exception cref="ArgumentException">Juju has no such hook for this charm, or the hook needs context; the message says what to use.</exception>
    public async Task<int> DispatchAsync(string hookName, CancellationToken cancellationToken = default)
    {
        HookNames.CheckContextFree(Metadata, hookName);
        return (await RunAsync(EventRequest.Hook(hookName), cancellationToken).ConfigureAwait(false)).ExitCode;
    }

    /// <inheritdoc cref="DispatchAsync"/>
    public int Dispatch(string hookName) => Sync(() => DispatchAsync(hookName));

    /// <summary>
    /// Evaluates the charm's status the way Juju does it: collect-status already runs at the end of every dispatch, so
    /// this dispatches <c>update-status</c> (the periodic hook after which Juju shows the collected status).
    /// </summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>A task that completes when the hook has run.</returns>
    public Task EvaluateStatusAsync(CancellationToken cancellationToken = default) =>
        RunAsync(EventRequest.Hook("update-status"), cancellationToken);

    /// <inheritdoc cref="EvaluateStatusAsync"/>
    public void EvaluateStatus() => Sync(() => EvaluateStatusAsync());

    /// <inheritdoc />
    public void Dispose() => runner.Dispose();

    /// <summary>Runs an async member on the thread pool and waits for it: no synchronisation context is captured.</summary>
    private static void Sync(Func<Task> run) => Task.Run(run).GetAwaiter().GetResult();

    private static T Sync<T>(Func<Task<T>> run) => Task.Run(run).GetAwaiter().GetResult();

    /// <summary>Emits the event when the harness has begun; before that, model changes are silent.</summary>
    private Task EmitAsync(EventRequest request, CancellationToken cancellationToken) =>
        IsBegun ? RunAsync(request, cancellationToken) : Task.CompletedTask;

    private async Task<DispatchOutcome> RunAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var outcome = await runner.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            var failure = outcome.ToException();
            if (ThrowOnHookFailure)
            {
                throw failure;
            }

            hookFailures.Add(failure);
        }

        return outcome;
    }
}
