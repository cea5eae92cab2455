using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing;

/// <summary>
/// What the charm did during one dispatched event (with the deferred events it re-emitted first): its log lines and
/// statuses, its Kubernetes requests, the services changes it made and the commands it ran in each container. The
/// Harness keeps one per event (<c>LastEvent</c>, <c>Events</c>); the state-transition API keeps the last run's.
/// </summary>
public sealed class EventRecord
{
    internal EventRecord(
        string name,
        IReadOnlyList<JujuLogLine> jujuLog,
        IReadOnlyList<Status> unitStatuses,
        IReadOnlyList<Status> appStatuses,
        IReadOnlyList<RecordedRequest> kubernetesRequests,
        IReadOnlyList<ServiceChange> serviceChanges,
        IReadOnlyDictionary<string, IReadOnlyList<ExecCall>> execCalls,
        IReadOnlyList<CharmSpan> spans)
    {
        Spans = spans;
        Name = name;
        JujuLog = jujuLog;
        UnitStatuses = unitStatuses;
        AppStatuses = appStatuses;
        KubernetesRequests = kubernetesRequests;
        ServiceChanges = serviceChanges;
        this.execCalls = execCalls;
    }

    private readonly IReadOnlyDictionary<string, IReadOnlyList<ExecCall>> execCalls;

    /// <summary>The hook or action name.</summary>
    public string Name { get; }

    /// <summary>The <c>juju-log</c> lines written, oldest first.</summary>
    public IReadOnlyList<JujuLogLine> JujuLog { get; }

    /// <summary>The unit statuses set, oldest first.</summary>
    public IReadOnlyList<Status> UnitStatuses { get; }

    /// <summary>The application statuses set, oldest first.</summary>
    public IReadOnlyList<Status> AppStatuses { get; }

    /// <summary>The requests the simulated Kubernetes API received, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> KubernetesRequests { get; }

    /// <summary>The <c>PATCH</c> requests among <see cref="KubernetesRequests"/>.</summary>
    public IReadOnlyList<RecordedRequest> KubernetesPatches => KubernetesRequests.Where(r => r.Method == "PATCH").ToList();

    /// <summary>
    /// The spans Charmarr.Ops recorded during the dispatch, in start order: the dispatch's root (named after the event),
    /// the events and observers, hook tools, Pebble and Kubernetes calls; the same spans charm tracing exports, captured
    /// whether or not the charm enables it.
    /// </summary>
    public IReadOnlyList<CharmSpan> Spans { get; }

    /// <summary>The direct children of <paramref name="parent"/> among <see cref="Spans"/>, in start order.</summary>
    /// <param name="parent">A span of this record.</param>
    /// <returns>Its children.</returns>
    public IReadOnlyList<CharmSpan> ChildrenOf(CharmSpan parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();
    }

    /// <summary>The services changes made in every container, oldest first.</summary>
    public IReadOnlyList<ServiceChange> ServiceChanges { get; }

    /// <summary>The <c>juju-log</c> messages at one level, oldest first.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<string> LogMessages(JujuLogLevel level) => JujuLog.Where(l => l.Level == level).Select(l => l.Message).ToList();

    /// <summary>The commands run in a container, oldest first.</summary>
    /// <param name="container">The container.</param>
    /// <returns>The calls; empty when none (or no such container).</returns>
    public IReadOnlyList<ExecCall> ExecCalls(string container) => execCalls.GetValueOrDefault(container) ?? [];

    /// <summary>Whether a change started <paramref name="service"/> (start, autostart, restart or replan).</summary>
    /// <param name="container">The container.</param>
    /// <param name="service">The service.</param>
    /// <returns>Whether it was started.</returns>
    public bool Started(string container, string service) => Of(container).Any(c => c.Started.Contains(service));

    /// <summary>Whether a change stopped <paramref name="service"/> (stop, restart or replan).</summary>
    /// <param name="container">The container.</param>
    /// <param name="service">The service.</param>
    /// <returns>Whether it was stopped.</returns>
    public bool Stopped(string container, string service) => Of(container).Any(c => c.Stopped.Contains(service));

    /// <summary>Whether one change stopped and then started <paramref name="service"/> (a restart, or a replan of its changed configuration).</summary>
    /// <param name="container">The container.</param>
    /// <param name="service">The service.</param>
    /// <returns>Whether it was restarted.</returns>
    public bool Restarted(string container, string service) => Of(container).Any(c => c.Restarts(service));

    /// <summary>Whether the charm replanned the container (even when the replan changed nothing).</summary>
    /// <param name="container">The container.</param>
    /// <returns>Whether it replanned.</returns>
    public bool Replanned(string container) => Of(container).Any(c => c.Kind == ServiceChangeKind.Replanned);

    /// <inheritdoc />
    public override string ToString() => Name;

    private IEnumerable<ServiceChange> Of(string container) => ServiceChanges.Where(c => c.Container == container);
}
