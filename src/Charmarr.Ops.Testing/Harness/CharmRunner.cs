using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.State;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Testing;

/// <summary>The outcome of one dispatch.</summary>
/// <param name="EventName">The hook or action name.</param>
/// <param name="ExitCode">The charm's exit code.</param>
/// <param name="CharmException">The exception the charm threw, if it threw one.</param>
/// <param name="ErrorLogs">The <c>juju-log</c> lines at error level written during the dispatch.</param>
internal sealed record DispatchOutcome(string EventName, int ExitCode, Exception? CharmException, IReadOnlyList<string> ErrorLogs)
{
    public bool Succeeded => ExitCode == 0;

    public HookFailedException ToException() => new(EventName, ExitCode, CharmException, ErrorLogs);
}

/// <summary>
/// The engine both test APIs share: the charm's program built as in production (its own configuration first), with the
/// in-memory Juju model, simulated Pebble and simulated Kubernetes plugged in; each event is the environment Juju would
/// set → <see cref="MemoryJujuBackend.BeginHook"/> → <see cref="CharmApp.DispatchAsync"/> → <see cref="MemoryJujuBackend.EndHook"/>.
/// </summary>
/// <typeparam name="TCharm">The charm.</typeparam>
internal sealed class CharmRunner<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm> : IDisposable
    where TCharm : CharmBase
{
    /// <summary>Retries without waiting, so a test of the retry path does not sleep.</summary>
    private static readonly KubernetesRetryPolicy NoDelayRetries = KubernetesRetryPolicy.Default with { Delay = (_, _) => Task.CompletedTask };

    private readonly ExceptionCapture capture = new();
    private readonly List<EventRecord> records = [];
    private CharmApp app;
    private bool appDispatched;

    public CharmRunner(CharmSpec spec, string modelName, string modelUuid, MemoryJujuBackend backend, InProcessPebbleClientFactory pebble, KubernetesSimulator kubernetes)
    {
        Spec = spec;
        ModelName = modelName;
        ModelUuid = modelUuid;
        Backend = backend;
        Pebble = pebble;
        Kubernetes = kubernetes;

        app = BuildProgram();
    }

    public CharmSpec Spec { get; }

    public string ModelName { get; }

    public string ModelUuid { get; }

    public MemoryJujuBackend Backend { get; }

    public InProcessPebbleClientFactory Pebble { get; }

    public KubernetesSimulator Kubernetes { get; }

    /// <summary>The root services of the charm's program that handled the latest event (or will handle the first one).</summary>
    public IServiceProvider Services => app.Services;

    public async Task<DispatchOutcome> DispatchAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var context = JujuContext.FromEnvironment(request.ToEnvironment(Spec, ModelName, ModelUuid));

        // Juju starts a new process for every event: nothing the charm's program keeps in memory (its singletons, a
        // static-like cache) may carry over from one event to the next, or tests would pass that production fails.
        if (appDispatched)
        {
            app.Dispose();
            app = BuildProgram();
        }

        appDispatched = true;
        capture.Clear();
        var firstLog = Backend.Logs.Count;
        var marks = new EventMarks(this);
        Backend.BeginHook();
        var exitCode = 1;
        IReadOnlyList<CharmSpan> spans;
        using (var spanCapture = new SpanCapture())
        {
            try
            {
                exitCode = await app.DispatchAsync(context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Backend.EndHook(succeeded: exitCode == 0);
            }

            spans = spanCapture.Finish();
        }

        var errors = Backend.Logs.Skip(firstLog)
            .Where(l => l.Level is JujuLogLevel.Error or JujuLogLevel.Critical)
            .Select(l => l.Message)
            .ToList();
        records.Add(marks.Record(request.Name, spans));
        return new DispatchOutcome(request.Name, exitCode, capture.Exceptions is [.., var last] ? last : null, errors);
    }

    /// <summary>One record per dispatched event, oldest first.</summary>
    public IReadOnlyList<EventRecord> Records => records;

    /// <summary>Where charm tracing keeps its destination and buffer when the charm enables it: this runner's own
    /// folder, never the charm directory's parent.</summary>
    public string TracingDirectory { get; } = Path.Combine(Path.GetTempPath(), "charmarr-harness-tracing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        app.Dispose();
        if (Directory.Exists(TracingDirectory))
        {
            Directory.Delete(TracingDirectory, recursive: true);
        }
    }

    /// <summary>Where each log stood before a dispatch, to record what the dispatch added.</summary>
    private sealed class EventMarks
    {
        private readonly CharmRunner<TCharm> runner;
        private readonly int logs;
        private readonly int unitStatuses;
        private readonly int appStatuses;
        private readonly int requests;
        private readonly Dictionary<string, (int Changes, int Execs)> containers = new(StringComparer.Ordinal);

        public EventMarks(CharmRunner<TCharm> runner)
        {
            this.runner = runner;
            logs = runner.Backend.Logs.Count;
            unitStatuses = runner.Backend.UnitStatusHistory.Count;
            appStatuses = runner.Backend.AppStatusHistory.Count;
            requests = runner.Kubernetes.RecordedTotal;
            foreach (var name in runner.Spec.Metadata.Containers.Keys)
            {
                var simulator = runner.Pebble.Simulator(name);
                containers[name] = (simulator.ChangeMark, simulator.ExecCalls.Count);
            }
        }

        public EventRecord Record(string name, IReadOnlyList<CharmSpan> spans)
        {
            var backend = runner.Backend;
            var all = runner.Kubernetes.Requests;
            var newRequests = Math.Min(all.Count, runner.Kubernetes.RecordedTotal - requests);
            var changes = new List<ServiceChange>();
            var execs = new Dictionary<string, IReadOnlyList<ExecCall>>(StringComparer.Ordinal);
            foreach (var (container, (changeMark, execMark)) in containers.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var simulator = runner.Pebble.Simulator(container);
                changes.AddRange(simulator.ServiceChangesAfter(changeMark, container));
                execs[container] = simulator.ExecCalls.Skip(execMark).ToList();
            }

            return new EventRecord(
                name,
                backend.Logs.Skip(logs).ToList(),
                backend.UnitStatusHistory.Skip(unitStatuses).ToList(),
                backend.AppStatusHistory.Skip(appStatuses).ToList(),
                all.Skip(all.Count - newRequests).ToList(),
                changes,
                execs,
                spans);
        }
    }

    private CharmApp BuildProgram()
    {
        var builder = CharmApp.CreateBuilder([]);
        Spec.Configure?.Invoke(builder);
        builder
            .UseMetadata(Spec.Metadata)
            .UseBackend(Backend)
            .UsePebble(Pebble)
            .UseKubernetes(Kubernetes.Api, NoDelayRetries)
            .ConfigureServices(services =>
            {
                // Stored state always goes through state-get/state-set on the in-memory model: a local state file would
                // outlive the test and leak into the next one.
                services.Replace(ServiceDescriptor.Singleton<IStateStore>(new JujuStateStore(Backend)));
                services.AddSingleton<ILoggerProvider>(capture);
                if (services.LastOrDefault(d => d.ServiceType == typeof(CharmTracingOptions))?.ImplementationInstance is CharmTracingOptions { Directory: null } tracing)
                {
                    tracing.Directory = TracingDirectory;
                }
            });
        return builder.Build<TCharm>();
    }
}
