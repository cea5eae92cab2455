using Charmarr.Ops.Events;
using Charmarr.Ops.Model;
using Charmarr.Ops.State;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Framework;

/// <summary>
/// Routes events to handlers for one dispatch: registration (through <c>CharmObject</c>), re-emission of deferred
/// events oldest first, emission of the dispatched event and of custom events, collect-status, and the final commit.
/// One instance per dispatch, built by dependency injection together with the charm.
/// </summary>
public sealed class CharmFramework
{
    private readonly List<ObserverRegistration> observers = [];
    private readonly Dictionary<Type, string> customKinds = [];
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>, CustomEvent>> customRestorers = new(StringComparer.Ordinal);
    private readonly StateSession state;

    // A notice's identity is its JSON: serialised once per dispatch, not once for every event emitted while it waits.
    private readonly Dictionary<DeferredNotice, string> identities = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the framework for one dispatch.</summary>
    /// <param name="model">The model.</param>
    /// <param name="store">Where state persists.</param>
    /// <param name="loggerFactory">Creates loggers.</param>
    public CharmFramework(CharmModel model, IStateStore store, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Model = model;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Charmarr.Ops");
        state = new StateSession(store);
    }

    /// <summary>The model.</summary>
    public CharmModel Model { get; }

    /// <summary>Creates loggers that write to <c>juju-log</c>.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Charm tracing: whether it is enabled, and where this unit's spans go (set by a tracing relation interface).</summary>
    public TracingDestinationStore Tracing { get; internal init; } = TracingDestinationStore.Disabled;

    internal ILogger Logger { get; }

    internal IReadOnlyList<ObserverRegistration> Observers => observers;

    /// <summary>
    /// Makes a custom event type deferrable: <paramref name="restore"/> rebuilds the event from its
    /// <see cref="CustomEvent.Snapshot"/> in a later dispatch.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="kind">A stable name for the type, e.g. <c>media-storage.changed</c>.</param>
    /// <param name="restore">Rebuilds the event.</param>
    public void RegisterEvent<TEvent>(string kind, Func<IReadOnlyDictionary<string, string>, TEvent> restore)
        where TEvent : CustomEvent
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(restore);
        if (customRestorers.ContainsKey(kind) && customKinds.GetValueOrDefault(typeof(TEvent)) != kind)
        {
            throw new InvalidOperationException($"custom event kind '{kind}' is already registered for another type");
        }

        customKinds[typeof(TEvent)] = kind;
        customRestorers[kind] = restore;
    }

    /// <summary>Emits a custom event to its observers now, before this call returns.</summary>
    /// <param name="customEvent">The event.</param>
    /// <returns>A task that completes when every observer has run.</returns>
    public Task EmitAsync(CustomEvent customEvent)
    {
        ArgumentNullException.ThrowIfNull(customEvent);
        customEvent.RegisteredKind = customKinds.GetValueOrDefault(customEvent.GetType());
        return EmitAsync((CharmEvent)customEvent);
    }

    /// <summary>Binds a stored value of the given key.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="key">The full key.</param>
    /// <param name="typeInfo">Its source-generated JSON metadata.</param>
    /// <param name="initial">The value when nothing is stored yet.</param>
    /// <returns>The bound stored value.</returns>
    internal StoredState<T> BindState<T>(string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, Func<T> initial) =>
        state.Bind(key, typeInfo, initial);

    internal void AddObserver(ObserverRegistration registration) => observers.Add(registration);

    internal async Task EmitAsync(CharmEvent e)
    {
        var matching = observers.Where(o => o.Matches(e)).ToList();
        if (matching.Count == 0)
        {
            Logger.LogTrace("No handler observes {Event}", e.Name);
            return;
        }

        using var span = CharmActivities.StartEvent(e.Name, reemitted: false);
        foreach (var observer in matching)
        {
            var notice = ToNotice(observer.Key, e);
            var identity = notice?.Identity;
            if (identity is not null && state.Deferred.Any(n => IdentityOf(n) == identity))
            {
                Logger.LogDebug("Skipping {Event} for {Observer}: the same event is still deferred for it", e.Name, observer.Key);
                continue;
            }

            e.ResetDeferral();
            await ObserveAsync(observer, e);
            if (e.IsDeferred && notice is not null)
            {
                Logger.LogInformation("Deferring {Event} for {Observer}", e.Name, observer.Key);
                state.Deferred.Add(notice);
            }
        }
    }

    internal async Task ReemitDeferredAsync()
    {
        var queue = state.Deferred;
        var pending = queue.ToList();
        var reemitted = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var notice = pending[i];
            var e = Restore(notice);
            var observer = e is null ? null : observers.FirstOrDefault(o => o.Key == notice.Observer && o.Matches(e));
            if (e is null || observer is null)
            {
                Logger.LogWarning(
                    "Dropping deferred {Event} for {Observer}: {Reason}",
                    notice.Juju?.EventName ?? notice.CustomKind,
                    notice.Observer,
                    e is null ? "it cannot be rebuilt (its relation, or its event type, is gone)" : "no handler with that name observes it any more");
                queue.Remove(notice);
                continue;
            }

            // Trace: at the default level a line per deferred event would cost every dispatch a juju-log per event.
            Logger.LogTrace("Re-emitting deferred {Event} for {Observer} ({Index} of {Count})", e.Name, notice.Observer, i + 1, pending.Count);
            e.IsReemitted = true;
            reemitted++;
            e.ResetDeferral();
            using (CharmActivities.StartEvent(e.Name, reemitted: true))
            {
                await ObserveAsync(observer, e);
            }

            if (!e.IsDeferred)
            {
                queue.Remove(notice);
            }
        }

        if (reemitted > 0)
        {
            Logger.LogDebug("Re-emitted {Count} deferred event(s); {Waiting} still deferred", reemitted, queue.Count);
        }
    }

    internal async Task CollectStatusAsync()
    {
        var app = new CollectAppStatusEvent();
        if (observers.Any(o => o.Matches(app)) && Model.Unit.IsLeader)
        {
            await EmitAsync(app);
            if (app.Highest() is { } appStatus)
            {
                Model.App.Status = appStatus;
            }
        }

        var unit = new CollectUnitStatusEvent();
        if (observers.Any(o => o.Matches(unit)))
        {
            await EmitAsync(unit);
            if (unit.Highest() is { } unitStatus)
            {
                Model.Unit.Status = unitStatus;
            }
        }
    }

    internal void Commit() => state.Commit();

    private string IdentityOf(DeferredNotice notice)
    {
        if (!identities.TryGetValue(notice, out var identity))
        {
            identity = notice.Identity;
            identities[notice] = identity;
        }

        return identity;
    }

    /// <summary>Runs one handler, in its own span when the dispatch is traced.</summary>
    private static async Task ObserveAsync(ObserverRegistration observer, CharmEvent e)
    {
        using var span = CharmActivities.StartObserver(observer.Key);
        try
        {
            await observer.Handler(e);
            if (e.IsDeferred)
            {
                span?.SetTag(SpanAttributes.Deferred, true);
            }
        }
        catch (Exception exception) when (span is not null)
        {
            CharmActivities.Fail(span, exception);
            throw;
        }
    }

    private static DeferredNotice? ToNotice(string observer, CharmEvent e) => e switch
    {
        JujuEvent j when j.DeferRefusal is null => new DeferredNotice(observer, j.Snapshot, null, null),
        CustomEvent c when c.RegisteredKind is { } kind =>
            new DeferredNotice(observer, null, kind, new SortedDictionary<string, string>(c.Snapshot().ToDictionary(), StringComparer.Ordinal)),
        _ => null,
    };

    private CharmEvent? Restore(DeferredNotice notice)
    {
        if (notice.Juju is { } snapshot)
        {
            var e = EventFactory.Create(snapshot, Model);
            return e is RelationEvent { Relation.IsActive: false } and not RelationBrokenEvent ? null : e;
        }

        if (notice.CustomKind is { } kind && customRestorers.TryGetValue(kind, out var restore))
        {
            var custom = restore(notice.CustomFields ?? new SortedDictionary<string, string>(StringComparer.Ordinal));
            custom.RegisteredKind = kind;
            return custom;
        }

        return null;
    }
}
