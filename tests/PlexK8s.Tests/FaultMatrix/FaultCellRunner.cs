using Charmarr.Ops.Testing.Http;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Fuzz;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;
using Charmarr.PlexK8s.Tests.Charm;
using Charmarr.PlexK8s.Tests.Fakes;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Tests.FaultMatrix;

/// <summary>
/// Runs one cell of the fault matrix: a deployed plex-k8s (leader, media storage related, Plex running and initialised,
/// its StatefulSet patched: the world after a fault-free config-changed), then one event with one fault, through the
/// charm's real program (PlexApp.Configure, as the Harness runs it) with the fault injected where production meets it:
/// the hook-tool backend, a real <see cref="PebbleClient"/> on a unix socket whose server misbehaves, or the Kubernetes
/// API (the simulator's FailNext, or a real API client to a closed port or a silent server).
/// </summary>
internal sealed class FaultCellRunner(HttpFake plexTv, HttpFake plexServer)
{
    public const string Model = "charmarr";
    public const string Unit = "plex/0";
    public const string ClaimToken = "claim-Tok3nUnderTest_xyz";

    /// <summary>The most a cell may take: a hook that runs longer has hung (issue 15: a silent server costs at most ~30 s).</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(35);

    /// <summary>The Pebble client's timeout in the Pebble cells (production's default is 5 s; short keeps CI fast).</summary>
    public static readonly TimeSpan PebbleTimeout = TimeSpan.FromSeconds(1);

    // Production gives each call 10 s and a hook 30 s in all (proven in Charmarr.Ops.Tests); the matrix uses the same
    // mechanism with small figures so its silent-API cells end in seconds, with room under the hang bound at any load.
    private static readonly KubernetesRetryPolicy NoDelayRetries = KubernetesRetryPolicy.Default with
    {
        Delay = (_, _) => Task.CompletedTask,
        AttemptTimeout = TimeSpan.FromSeconds(2),
        Budget = TimeSpan.FromSeconds(5),
    };

    public static CharmMetadata Metadata { get; } = CharmMetadata.Load(PlexHarness.CharmDirectory);

    /// <summary>The events of the matrix.</summary>
    public static IReadOnlyList<string> Events { get; } =
    [
        "install", "leader-elected", "config-changed", "upgrade-charm", "update-status", "plex-pebble-ready",
        "media-storage-relation-changed", "media-storage-relation-broken", "claim-server",
    ];

    public async Task<CellOutcome> RunAsync(string eventName, Fault fault)
    {
        var world = new World();
        var warm = await DispatchAsync(world, "config-changed", Fault.None);
        if (warm.ExitCode != 0 || warm.Status != Status.Waiting("Starting Plex") && warm.Status != Status.Active() && !warm.Status.Message.StartsWith("Unclaimed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the fault matrix's warm-up did not deploy Plex: exit {warm.ExitCode}, {warm.Status}, {warm.Exception}");
        }

        world.Pebble.ReportCheckSuccess("plex-ready");
        return await DispatchAsync(world, eventName, fault);
    }

    private async Task<CellOutcome> DispatchAsync(World world, string eventName, Fault fault)
    {
        using var faults = new FaultResources(fault);
        var backend = new FaultyJujuBackend(world.Backend, fault.Tool, fault.Code);
        var kubernetes = new CountingStatefulSetApi(faults.KubernetesApi ?? world.Kubernetes.Api);
        var capture = new ExceptionCapture();
        var builder = CharmApp.CreateBuilder([]);
        PlexHarness.Configure(plexTv, plexServer)(builder);
        builder
            .UseMetadata(Metadata)
            .UseBackend(backend)
            .UsePebble(faults.PebbleFactory ?? new SimulatedPebbles(world.Pebble))
            .UseKubernetes(kubernetes, NoDelayRetries)
            .ConfigureServices(services => services.AddSingleton<ILoggerProvider>(capture));
        if (fault is { Family: FaultFamily.Kubernetes, Kind: "status" })
        {
            world.Kubernetes.FailNext(fault.Code, times: 1000);
        }

        var isAction = eventName == "claim-server";
        if (isAction)
        {
            world.Backend.StartAction(eventName, new JsonObject { ["token"] = ClaimToken, ["force"] = false });
        }

        var firstLog = world.Backend.Logs.Count;
        var clock = Stopwatch.StartNew();
        int? exitCode = null;
        await using (var app = builder.Build<PlexCharm>())
        {
            using var limit = new CancellationTokenSource(HangBound);
            world.Backend.BeginHook();
            var dispatch = app.DispatchAsync(JujuContext.FromEnvironment(Environment(eventName)), limit.Token);
            var finished = await Task.WhenAny(dispatch, Task.Delay(HangBound + TimeSpan.FromSeconds(2), CancellationToken.None));
            if (finished == dispatch && clock.Elapsed <= HangBound)
            {
                exitCode = await dispatch;
            }

            world.Backend.EndHook(succeeded: exitCode == 0);
        }

        string? actionFailure = null;
        if (isAction)
        {
            actionFailure = world.Backend.FinishAction().FailureMessage;
        }

        var hit = fault.Family switch
        {
            FaultFamily.HookTool => backend.FaultHit,
            FaultFamily.Pebble => faults.Server?.Requests > 0 || fault.Kind == "absent" && faults.PebbleCreated,
            FaultFamily.Kubernetes => kubernetes.Calls > 0,
            _ => false,
        };
        var errors = world.Backend.Logs.Skip(firstLog).Where(l => l.Level is JujuLogLevel.Error or JujuLogLevel.Critical).Select(l => l.Message).ToList();
        return new CellOutcome(eventName, fault, exitCode, world.Backend.UnitStatus, actionFailure, capture.Last, errors, clock.Elapsed, hit);
    }

    private static Dictionary<string, string?> Environment(string eventName)
    {
        var action = eventName == "claim-server";
        var relation = eventName.StartsWith("media-storage-relation-", StringComparison.Ordinal);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_DISPATCH_PATH"] = (action ? "actions/" : "hooks/") + eventName,
            ["JUJU_HOOK_NAME"] = action ? string.Empty : eventName,
            ["JUJU_ACTION_NAME"] = action ? eventName : null,
            ["JUJU_ACTION_UUID"] = action ? "1" : null,
            ["JUJU_UNIT_NAME"] = Unit,
            ["JUJU_MODEL_NAME"] = Model,
            ["JUJU_MODEL_UUID"] = "5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90",
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_CHARM_DIR"] = PlexHarness.CharmDirectory,
            ["JUJU_RELATION"] = relation ? "media-storage" : null,
            ["JUJU_RELATION_ID"] = relation ? string.Create(CultureInfo.InvariantCulture, $"media-storage:{World.StorageRelationId}") : null,
            ["JUJU_REMOTE_APP"] = relation ? "charmarr-storage" : null,
            ["JUJU_REMOTE_UNIT"] = eventName == "media-storage-relation-changed" ? "charmarr-storage/0" : null,
            ["JUJU_WORKLOAD_NAME"] = eventName == "plex-pebble-ready" ? "plex" : null,
        };
    }

    /// <summary>A deployed plex-k8s's model, container and cluster.</summary>
    private sealed class World
    {
        public const int StorageRelationIdUnset = -1;

        public World()
        {
            Backend.Leader = true;
            foreach (var option in Metadata.Config.Values)
            {
                Backend.SetConfigDefault(option.Name, option.Default?.DeepClone());
            }

            StorageRelationId = Backend.AddRelation("media-storage", "charmarr-storage");
            Backend.AddRemoteUnit(StorageRelationId, "charmarr-storage/0");
            Backend.SetRemoteAppData(StorageRelationId, new Dictionary<string, string> { ["config"] = PlexHarness.StorageConfig() });
            Kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create(Model, "plex", Metadata));
            Pebble.MakeDirectory("/config", new FileCreation { UserId = 0, GroupId = 0 });
            Pebble.WriteFile("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", new FileCreation { MakeParents = true });
            Pebble.WriteFile("/etc/group", "root:x:0:\n", new FileCreation { MakeParents = true });
            Pebble.HandleExec(["chown"], _ => ExecResult.FromText(0));
            Pebble.WriteFile(PlexWorkload.PreferencesPath, PreferencesSamples.Unclaimed, new FileCreation { UserId = 1000, GroupId = 1000, MakeParents = true });
        }

        public static int StorageRelationId { get; private set; } = StorageRelationIdUnset;

        public MemoryJujuBackend Backend { get; } = new(Unit);

        public PebbleSimulator Pebble { get; } = new();

        public KubernetesSimulator Kubernetes { get; } = new();
    }

    /// <summary>Counts the calls the charm makes to the Kubernetes API (whether a Kubernetes fault was reached).</summary>
    private sealed class CountingStatefulSetApi(IStatefulSetApi inner) : IStatefulSetApi
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task<JsonObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            return inner.GetAsync(namespaceName, name, cancellationToken);
        }

        public Task<JsonObject> PatchAsync(string namespaceName, string name, StatefulSetPatchKind kind, string body, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            return inner.PatchAsync(namespaceName, name, kind, body, cancellationToken);
        }
    }

    /// <summary>The simulated container's Pebble, in process (as the Harness gives it).</summary>
    private sealed class SimulatedPebbles(PebbleSimulator simulator) : IPebbleClientFactory
    {
        public IPebbleClient Create(string containerName, string socketPath) => new InProcessPebbleClient(simulator, socketPath);
    }

    /// <summary>The misbehaving Pebble or Kubernetes of one cell, disposed after it.</summary>
    private sealed class FaultResources : IDisposable, IPebbleClientFactory
    {
        private readonly string? directory;
        private readonly List<IDisposable> owned = [];
        private readonly Fault fault;

        public FaultResources(Fault fault)
        {
            this.fault = fault;
            if (fault.Family == FaultFamily.Pebble)
            {
                directory = Directory.CreateTempSubdirectory("plex-fault-").FullName;
                if (fault.Kind != "absent")
                {
                    Server = RawHttpServer.StartUnix(Path.Combine(directory, "pebble.socket"));
                    var error500 = RawHttpServer.Http("500 Internal Server Error", "{\"type\":\"error\",\"status-code\":500,\"status\":\"Internal Server Error\",\"result\":{\"message\":\"internal error\"}}");
                    var dropped = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"type\":\"sync\",\"status-code\":200,\"result\":[{\"name\":");
                    var systemInfo = RawHttpServer.Http("200 OK", "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{\"version\":\"1.19.0\"}}");
                    (Server.Mode, Server.Answer) = fault.Kind switch
                    {
                        "silent" => (RawAnswerMode.Silent, Array.Empty<byte>()),
                        "trickle" or "trickle after connect" => (RawAnswerMode.Trickle, systemInfo),
                        "500" or "500 after connect" => (RawAnswerMode.WriteAndClose, error500),
                        _ => (RawAnswerMode.WriteAndClose, dropped),
                    };
                    Server.FirstAnswer = fault.Kind!.EndsWith("after connect", StringComparison.Ordinal) ? systemInfo : null;
                }

                PebbleFactory = this;
            }
            else if (fault is { Family: FaultFamily.Kubernetes, Kind: "unreachable" or "silent" })
            {
                Uri host;
                if (fault.Kind == "silent")
                {
                    Server = RawHttpServer.StartTcp();
                    Server.Mode = RawAnswerMode.Silent;
                    host = Server.BaseUrl!;
                }
                else
                {
                    host = new Uri("http://127.0.0.1:1"); // nothing listens on port 1: connection refused
                }

                var api = KubernetesStatefulSetApi.ForHost(host);
                owned.Add(api);
                KubernetesApi = api;
            }
        }

        public RawHttpServer? Server { get; }

        public IPebbleClientFactory? PebbleFactory { get; }

        public IStatefulSetApi? KubernetesApi { get; }

        public bool PebbleCreated { get; private set; }

        public IPebbleClient Create(string containerName, string socketPath)
        {
            PebbleCreated = true;
            var client = new PebbleClient(Path.Combine(directory!, "pebble.socket"), PebbleTimeout);
            lock (owned)
            {
                owned.Add(client);
            }

            return client;
        }

        public void Dispose()
        {
            lock (owned)
            {
                owned.ForEach(o => o.Dispose());
            }

            Server?.Dispose();
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }

            _ = fault;
        }
    }

    /// <summary>Keeps the exceptions logged at Error (the dispatcher logs the one that ended the hook).</summary>
    private sealed class ExceptionCapture : ILoggerProvider
    {
        private readonly List<Exception> captured = [];

        public Exception? Last
        {
            get
            {
                lock (captured)
                {
                    return captured.LastOrDefault();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ExceptionCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null && IsEnabled(logLevel))
                {
                    lock (owner.captured)
                    {
                        owner.captured.Add(exception);
                    }
                }
            }
        }
    }
}
