using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Charmarr.Ops.Events;
using Charmarr.Ops.Model;
using Charmarr.Ops.State;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Framework;

/// <summary>
/// Anything that observes events or keeps stored state: the charm itself and its components (relation interfaces,
/// workload managers). Its <see cref="Path"/> names it stably across dispatches, which is how a deferred event finds its
/// handler again and how stored state finds its key. A handler is identified by its path and the handler expression
/// as written (e.g. <c>PlexCharm/OnConfigChanged</c>), so renaming a handler drops events deferred for the old name.
/// </summary>
public abstract class CharmObject
{
    private ILogger? logger;

    /// <summary>Creates the object.</summary>
    /// <param name="framework">The dispatch's framework.</param>
    protected CharmObject(CharmFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Framework = framework;
    }

    /// <summary>The dispatch's framework.</summary>
    public CharmFramework Framework { get; }

    /// <summary>The Juju model.</summary>
    public CharmModel Model => Framework.Model;

    /// <summary>The stable name of this object: the charm's class name, or <c>parent/Type[key]</c> for a component.</summary>
    public abstract string Path { get; }

    /// <summary>A logger that writes to <c>juju-log</c> under this object's path.</summary>
    protected ILogger Logger => logger ??= Framework.LoggerFactory.CreateLogger(Path);

    /// <summary>Calls <paramref name="handler"/> for every event of type <typeparamref name="TEvent"/> (and its subclasses).</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler: the handler's name, part of its identity for deferral.</param>
    protected void Observe<TEvent>(Func<TEvent, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
        where TEvent : CharmEvent =>
        Register<TEvent>(null, handler, handlerName);

    /// <summary>Calls <paramref name="handler"/> for every event of type <typeparamref name="TEvent"/> (and its subclasses).</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler: the handler's name, part of its identity for deferral.</param>
    protected void Observe<TEvent>(Action<TEvent> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
        where TEvent : CharmEvent =>
        Register<TEvent>(null, Sync(handler), handlerName);

    /// <summary>
    /// Calls <paramref name="handler"/> for events of type <typeparamref name="TEvent"/> about one endpoint, container,
    /// storage or action. The name is checked against the charm's metadata now, so a typo fails at once.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="scope">The endpoint, container, storage or action name.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler: the handler's name, part of its identity for deferral.</param>
    protected void Observe<TEvent>(string scope, Func<TEvent, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
        where TEvent : CharmEvent =>
        Register<TEvent>(scope, handler, handlerName);

    /// <summary>
    /// Calls <paramref name="handler"/> for events of type <typeparamref name="TEvent"/> about one endpoint, container,
    /// storage or action. The name is checked against the charm's metadata now, so a typo fails at once.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="scope">The endpoint, container, storage or action name.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler: the handler's name, part of its identity for deferral.</param>
    protected void Observe<TEvent>(string scope, Action<TEvent> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
        where TEvent : CharmEvent =>
        Register<TEvent>(scope, Sync(handler), handlerName);

    /// <summary>Handles an action with its raw parameters.</summary>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction(string action, Func<ActionEvent, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "") =>
        Register(action, handler, handlerName);

    /// <summary>Handles an action with its raw parameters.</summary>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction(string action, Action<ActionEvent> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "") =>
        Register(action, Sync(handler), handlerName);

    /// <summary>
    /// Handles an action with typed parameters. Parameters that do not fit <typeparamref name="TParams"/> fail the
    /// action with a message naming the problem (the hook itself succeeds), so the operator can re-run it correctly.
    /// </summary>
    /// <typeparam name="TParams">The parameters record.</typeparam>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="parameters">Source-generated JSON metadata for <typeparamref name="TParams"/>; use a kebab-case naming policy for kebab-case parameter names.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction<TParams>(string action, JsonTypeInfo<TParams> parameters, Func<ActionEvent, TParams, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(handler);
        Register<ActionEvent>(action, e => BindAndRunAsync(e, parameters, handler), handlerName);
    }

    /// <summary>
    /// Handles an action with typed parameters. Parameters that do not fit <typeparamref name="TParams"/> fail the
    /// action with a message naming the problem (the hook itself succeeds), so the operator can re-run it correctly.
    /// </summary>
    /// <typeparam name="TParams">The parameters record.</typeparam>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="parameters">Source-generated JSON metadata for <typeparamref name="TParams"/>.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction<TParams>(string action, JsonTypeInfo<TParams> parameters, Action<ActionEvent, TParams> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
    {
        ObserveAction(action, parameters, Sync(handler), handlerName);
    }

    /// <summary>
    /// Handles an action with typed parameters whose JSON metadata is only built when this action runs: the form to
    /// prefer, since every other dispatch (hooks, other actions) then skips building it (a source-generated context's
    /// first type costs a hook about a millisecond). Parameters that do not fit <typeparamref name="TParams"/> fail the
    /// action with a message naming the problem (the hook itself succeeds).
    /// </summary>
    /// <typeparam name="TParams">The parameters record.</typeparam>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="parameters">Returns the source-generated JSON metadata for <typeparamref name="TParams"/>, e.g. <c>() =&gt; MyJson.Default.MyParams</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction<TParams>(string action, Func<JsonTypeInfo<TParams>> parameters, Func<ActionEvent, TParams, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(handler);
        Register<ActionEvent>(action, e => BindAndRunAsync(e, parameters(), handler), handlerName);
    }

    /// <summary>
    /// Handles an action with typed parameters whose JSON metadata is only built when this action runs (see the
    /// asynchronous overload).
    /// </summary>
    /// <typeparam name="TParams">The parameters record.</typeparam>
    /// <param name="action">The action name, as declared.</param>
    /// <param name="parameters">Returns the source-generated JSON metadata for <typeparamref name="TParams"/>.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveAction<TParams>(string action, Func<JsonTypeInfo<TParams>> parameters, Action<ActionEvent, TParams> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
    {
        ObserveAction(action, parameters, Sync(handler), handlerName);
    }

    /// <summary>
    /// Runs one reconcile handler on every event that may change what the charm should do (install, start,
    /// config-changed, update-status, upgrade, leadership, every relation event, storage-attached, Pebble events,
    /// secret-changed, and custom events); not on stop, remove, actions or collect-status.
    /// </summary>
    /// <param name="handler">The reconcile handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveReconcile(Func<CharmEvent, Task> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "")
    {
        ArgumentNullException.ThrowIfNull(handler);
        Framework.AddObserver(new ObserverRegistration(Key(handlerName), typeof(CharmEvent), null, handler, e => e.IsReconcilable));
    }

    /// <summary>Runs one reconcile handler on every reconcilable event (see the asynchronous overload).</summary>
    /// <param name="handler">The reconcile handler.</param>
    /// <param name="handlerName">Filled in by the compiler.</param>
    protected void ObserveReconcile(Action<CharmEvent> handler, [CallerArgumentExpression(nameof(handler))] string handlerName = "") =>
        ObserveReconcile(Sync(handler), handlerName);

    /// <summary>
    /// Binds a stored value kept under <c>&lt;path&gt;/&lt;name&gt;</c>. It is read on first use and saved at the end of a
    /// successful dispatch when it changed.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="typeInfo">Its source-generated JSON metadata.</param>
    /// <param name="initial">The value when nothing is stored yet.</param>
    /// <param name="name">The name, unique within this object.</param>
    /// <returns>The stored value.</returns>
    protected StoredState<T> GetStoredState<T>(JsonTypeInfo<T> typeInfo, Func<T> initial, string name = "state")
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Framework.BindState($"{Path}/{name}", typeInfo, initial);
    }

    private static Func<ActionEvent, TParams, Task> Sync<TParams>(Action<ActionEvent, TParams> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (e, p) =>
        {
            handler(e, p);
            return Task.CompletedTask;
        };
    }

    private static Func<TEvent, Task> Sync<TEvent>(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return e =>
        {
            handler(e);
            return Task.CompletedTask;
        };
    }

    private static async Task BindAndRunAsync<TParams>(ActionEvent e, JsonTypeInfo<TParams> parameters, Func<ActionEvent, TParams, Task> handler)
    {
        TParams bound;
        try
        {
            bound = e.Parameters.Deserialize(parameters) ?? throw new JsonException("no parameters were given");
        }
        catch (JsonException ex)
        {
            e.Fail($"Error in action parameters: {ex.Message}");
            return;
        }

        await handler(e, bound);
    }

    private void Register<TEvent>(string? scope, Func<TEvent, Task> handler, string handlerName)
        where TEvent : CharmEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (scope is not null)
        {
            CheckScope(typeof(TEvent), scope);
        }

        Framework.AddObserver(new ObserverRegistration(Key(handlerName), typeof(TEvent), scope, e => handler((TEvent)e)));
    }

    private string Key(string handlerName) => $"{Path}/{handlerName}";

    private void CheckScope(Type eventType, string scope)
    {
        var metadata = Model.Metadata;
        var (declared, what) = eventType switch
        {
            _ when typeof(RelationEvent).IsAssignableFrom(eventType) => (metadata.Relations.ContainsKey(scope), "endpoint"),
            _ when typeof(WorkloadEvent).IsAssignableFrom(eventType) => (metadata.Containers.ContainsKey(scope), "container"),
            _ when typeof(StorageEvent).IsAssignableFrom(eventType) => (metadata.Storage.ContainsKey(scope), "storage"),
            _ when typeof(ActionEvent).IsAssignableFrom(eventType) => (metadata.Actions.ContainsKey(scope), "action"),
            _ => (true, ""),
        };
        if (!declared)
        {
            throw new ArgumentException($"{Path} observes {eventType.Name} for {what} '{scope}', which the charm's metadata does not declare", nameof(scope));
        }
    }
}
