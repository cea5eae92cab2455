using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>
/// Runs one event against a <see cref="CharmState"/> and returns the state after it: each run builds a fresh in-memory
/// Juju model, Pebbles and Kubernetes API from the input, dispatches through the production dispatcher (the same engine
/// as <see cref="Harness{TCharm}"/>: fresh charm, deferred events re-emitted, collect-status, commit) and reads
/// everything back. The input is checked first; an input Juju could not produce raises
/// <see cref="InconsistentStateException"/> listing every problem. A charm that fails the hook raises
/// <see cref="HookFailedException"/>. Not thread-safe: use one context per test.
/// </summary>
/// <typeparam name="TCharm">The charm class.</typeparam>
public sealed class Context<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm>
    where TCharm : CharmBase
{
    private readonly CharmSpec spec;
    private EventRecord? lastEvent;

    /// <summary>Creates a context for the charm whose <c>charmcraft.yaml</c> is in <paramref name="charmDirectory"/>.</summary>
    /// <param name="charmDirectory">The charm's directory.</param>
    /// <param name="configure">The charm program's configuration, the same delegate its Program.cs applies.</param>
    /// <param name="options">The unit number, application name and Juju version (the model comes from each <see cref="CharmState"/>).</param>
    public Context(string charmDirectory, Action<CharmAppBuilder>? configure = null, CharmTestOptions? options = null)
        : this(CharmSpec.FromDirectory(charmDirectory, configure, options))
    {
    }

    /// <summary>Creates a context for a charm with these metadata.</summary>
    /// <param name="metadata">The charm's metadata.</param>
    /// <param name="configure">The charm program's configuration, as in Program.cs.</param>
    /// <param name="options">The unit number, application name and Juju version.</param>
    public Context(CharmMetadata metadata, Action<CharmAppBuilder>? configure = null, CharmTestOptions? options = null)
        : this(CharmSpec.FromMetadata(metadata, configure, options))
    {
    }

    private Context(CharmSpec spec)
    {
        this.spec = spec;
    }

    /// <summary>The event factories: <c>ctx.On.ConfigChanged()</c>, <c>ctx.On.RelationChanged(relation, 0)</c>, ….</summary>
    public ContextEvents On { get; } = new();

    /// <summary>The charm's metadata.</summary>
    public CharmMetadata Metadata => spec.Metadata;

    /// <summary>This unit's name.</summary>
    public string UnitName => spec.UnitName;

    /// <summary>What the charm did during the last run: logs, statuses, Kubernetes requests, services changes, commands.</summary>
    /// <exception cref="InvalidOperationException">Nothing has run yet.</exception>
    public EventRecord LastEvent => lastEvent ?? throw new InvalidOperationException("nothing has run yet");

    /// <summary>The <c>juju-log</c> lines of the last run, oldest first.</summary>
    public IReadOnlyList<JujuLogLine> JujuLog { get; private set; } = [];

    /// <summary>The unit statuses the charm set during the last run, oldest first (the last is the output's).</summary>
    public IReadOnlyList<Status> UnitStatusHistory { get; private set; } = [];

    /// <summary>The application statuses the charm set during the last run, oldest first.</summary>
    public IReadOnlyList<Status> AppStatusHistory { get; private set; } = [];

    /// <summary>The storage the charm asked for with <c>storage-add</c> during the last run.</summary>
    public IReadOnlyList<StorageRequest> RequestedStorage { get; private set; } = [];

    /// <summary>The simulated Kubernetes API of the last run (its <see cref="KubernetesSimulator.Requests"/> log).</summary>
    public KubernetesSimulator? Kubernetes { get; private set; }

    /// <summary>Runs an event and returns the state after it.</summary>
    /// <param name="e">The event, from <see cref="On"/>.</param>
    /// <param name="state">The state before it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The state after it.</returns>
    /// <exception cref="InconsistentStateException">The input could not happen in Juju.</exception>
    /// <exception cref="HookFailedException">The charm failed the hook.</exception>
    public async Task<CharmState> RunAsync(Event e, CharmState state, CancellationToken cancellationToken = default)
    {
        var (output, _) = await RunCoreAsync(e, state, null, cancellationToken).ConfigureAwait(false);
        return output;
    }

    /// <inheritdoc cref="RunAsync(Event, CharmState, CancellationToken)"/>
    public CharmState Run(Event e, CharmState state) => Task.Run(() => RunAsync(e, state)).GetAwaiter().GetResult();

    /// <summary>Runs an action and returns the state after it with what the action reported.</summary>
    /// <param name="e">The action, from <see cref="ContextEvents.Action(string, ValueTuple{string, object}[])"/>.</param>
    /// <param name="state">The state before it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The output.</returns>
    /// <exception cref="InconsistentStateException">The input (or the parameters) could not happen in Juju.</exception>
    /// <exception cref="HookFailedException">The charm threw.</exception>
    public async Task<ActionOutput> RunAsync(ActionEvent e, CharmState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var parameters = ActionParamsValidator.Problems(spec.Metadata, spec.Juju, e.HookName, e.Parameters).Count == 0
            ? ActionParamsValidator.Validate(spec.Metadata, spec.Juju, e.HookName, e.Parameters)
            : e.Parameters;
        var (output, action) = await RunCoreAsync(e, state, parameters, cancellationToken).ConfigureAwait(false);
        return new ActionOutput(output, (JsonObject)action!.Results.DeepClone(), [.. action.Logs], action.FailureMessage);
    }

    /// <inheritdoc cref="RunAsync(ActionEvent, CharmState, CancellationToken)"/>
    public ActionOutput Run(ActionEvent e, CharmState state) => Task.Run(() => RunAsync(e, state)).GetAwaiter().GetResult();

    /// <summary>An event as a handler deferred it in an earlier dispatch, to put in <see cref="CharmState.Deferred"/>.</summary>
    /// <param name="e">The event, from <see cref="On"/>.</param>
    /// <param name="observer">The handler's key: its owner's path and method name, e.g. <c>MyCharm/OnDbChanged</c>.</param>
    /// <returns>The deferred event.</returns>
    public DeferredEvent Deferred(Event e, string observer)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrEmpty(observer);
        var request = EventResolver.ToRequest(e, spec);
        var notice = new DeferredNotice(observer, request.Snapshot, null, null);
        return new DeferredEvent(observer, request.Name, JsonSerializer.Serialize(notice, FrameworkJson.Default.DeferredNotice));
    }

    private async Task<(CharmState Output, MemoryAction? Action)> RunCoreAsync(Event e, CharmState state, JsonObject? actionParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(state);
        state = state with { ModelName = state.ModelName ?? spec.Options.ModelName, ModelUuid = state.ModelUuid ?? spec.Options.ModelUuid };
        ConsistencyChecker.Check(spec, e, state);

        var backend = StateLoader.Backend(spec, state, e);
        using var runner = new CharmRunner<TCharm>(
            spec, state.ModelName!, state.ModelUuid!, backend, StateLoader.Pebble(spec, state, e), StateLoader.Kubernetes(spec, state));
        MemoryAction? action = null;
        if (actionParameters is not null)
        {
            backend.StartAction(e.HookName, actionParameters);
        }

        DispatchOutcome outcome;
        try
        {
            outcome = await runner.DispatchAsync(EventResolver.ToRequest(e, spec), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (actionParameters is not null)
            {
                action = backend.FinishAction();
            }

            JujuLog = [.. backend.Logs];
            UnitStatusHistory = [.. backend.UnitStatusHistory];
            AppStatusHistory = [.. backend.AppStatusHistory];
            RequestedStorage = [.. backend.StorageRequests];
            Kubernetes = runner.Kubernetes;
            lastEvent = runner.Records is [.., var last] ? last : null;
        }

        return outcome.Succeeded ? (StateReader.Read(runner, state, e), action) : throw outcome.ToException();
    }
}
