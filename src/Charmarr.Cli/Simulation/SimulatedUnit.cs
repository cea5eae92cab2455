using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.Testing.Kubernetes;
using Charmarr.Cli.Simulation.RealPebble;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Cli.Simulation;

/// <summary>
/// One emulated Kubernetes unit for an unpacked charm: the in-memory Juju model behind a hook-tool socket (the native
/// shims on PATH talk to it), a Pebble on a unix socket per workload container (the simulator, or with
/// <c>--pebble real</c> a real Pebble in a private root), a loopback Kubernetes API
/// holding the application's StatefulSet, and the scenario's HTTP fakes. Each event runs the charm's real
/// <c>dispatch</c> as Juju would.
/// </summary>
internal sealed class SimulatedUnit : IAsyncDisposable
{
    private const string ModelName = "charmarr-sim";
    private readonly string charmDirectory;
    private readonly string workDirectory;
    private readonly string shimDirectory;
    private readonly HookToolSocketServer hookTools;
    private readonly List<IWorkloadContainer> workloads = [];
    private readonly KubernetesApiServer kubernetes;
    private readonly List<HttpFakeServer> fakes = [];
    private readonly Dictionary<string, string> extraEnvironment;
    private int contextCounter;

    private SimulatedUnit(string charmDirectory, CharmMetadata metadata, Scenario scenario, string shimBinary)
    {
        this.charmDirectory = charmDirectory;
        Metadata = metadata;
        // Unix socket paths are limited to 107 bytes: keep the work directory short.
        workDirectory = Directory.CreateTempSubdirectory("charmarr-sim-").FullName;
        shimDirectory = Path.Combine(workDirectory, "tools");
        Directory.CreateDirectory(shimDirectory);
        var juju = SimulatedJuju.Resolve(scenario.JujuVersion);
        foreach (var tool in HookToolSocketServer.ToolNamesFor(juju))
        {
            File.CreateSymbolicLink(Path.Combine(shimDirectory, tool), shimBinary);
        }

        Backend = new MemoryJujuBackend(scenario.Unit ?? $"{metadata.Name}/0", jujuVersion: juju) { Leader = scenario.Leader };
        foreach (var option in metadata.Config.Values.Where(o => o.Default is not null))
        {
            Backend.SetConfigDefault(option.Name, option.Default);
        }

        foreach (var (key, value) in scenario.Config)
        {
            Backend.SetConfig(key, value);
        }

        hookTools = HookToolSocketServer.Start(Backend, Path.Combine(workDirectory, "agent.socket"));
        Kubernetes = new KubernetesSimulator();
        SeedStatefulSet();
        kubernetes = Kubernetes.StartServer();
        extraEnvironment = new Dictionary<string, string>(scenario.Environment, StringComparer.Ordinal);
        foreach (var fake in scenario.Fakes)
        {
            var server = HttpFakeServer.Start(fake);
            fakes.Add(server);
            extraEnvironment[fake.UrlVariable] = server.Url;
        }
    }

    public CharmMetadata Metadata { get; }

    public MemoryJujuBackend Backend { get; }

    public KubernetesSimulator Kubernetes { get; }

    /// <summary>The simulated Pebbles, by container (none when the containers run on real Pebble).</summary>
    public IReadOnlyDictionary<string, PebbleSimulator> Containers =>
        workloads.OfType<SimulatedContainer>().ToDictionary(c => c.Name, c => c.Simulator, StringComparer.Ordinal);

    /// <summary>Every workload container, simulated or on real Pebble, by name.</summary>
    public IReadOnlyDictionary<string, IWorkloadContainer> Workloads => workloads.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public IReadOnlyList<HttpFakeServer> Fakes => fakes;

    /// <summary>Every hook-tool call answered so far.</summary>
    public IReadOnlyList<HookToolCall> Calls => hookTools.Calls;

    /// <summary>Starts the unit; with <paramref name="realPebble"/>, each workload container runs on a real Pebble.</summary>
    public static async Task<SimulatedUnit> StartAsync(string charmDirectory, Scenario scenario, string shimBinary, RealPebbleTools? realPebble = null)
    {
        CharmMetadata metadata;
        try
        {
            metadata = CharmMetadata.Load(charmDirectory);
        }
        catch (CharmMetadataException e)
        {
            throw new CliException($"the charm's metadata is not valid: {e.Message}", e);
        }

        if (scenario.StandIns.FirstOrDefault(s => !metadata.Containers.ContainsKey(s.Container)) is { } stray)
        {
            throw new CliException($"scenario line {stray.Line}: the charm has no container '{stray.Container}' for a stand-in (it has: {string.Join(", ", metadata.Containers.Keys)})");
        }

        var unit = new SimulatedUnit(charmDirectory, metadata, scenario, shimBinary);
        try
        {
            foreach (var container in metadata.Containers.Keys)
            {
                var socket = Path.Combine(unit.workDirectory, "containers", container, "pebble.socket");
                unit.workloads.Add(realPebble is null
                    ? await SimulatedContainer.StartAsync(container, socket)
                    : await RealPebbleContainer.StartAsync(
                        container,
                        unit.Backend.UnitName.Replace('/', '-'),
                        Path.Combine(unit.workDirectory, "roots", container),
                        socket,
                        realPebble,
                        [.. scenario.StandIns.Where(s => s.Container == container)],
                        scenario.Fakes));
            }
        }
        catch
        {
            await unit.DisposeAsync();
            throw;
        }

        return unit;
    }

    /// <summary>Runs one hook (or action, when <paramref name="action"/> is given) and returns what happened.</summary>
    public async Task<EventRun> RunAsync(string hook, IReadOnlyDictionary<string, string> hookVariables, (string Name, JsonObject Params)? action = null)
    {
        var contextId = string.Create(CultureInfo.InvariantCulture, $"{Backend.UnitName}-{hook}-{++contextCounter}");
        var environment = Environment(contextId, hook, hookVariables, action?.Name);
        var before = hookTools.Calls.Count;
        var kubernetesBefore = Kubernetes.Requests.Count;
        MemoryAction? running = action is { } a ? Backend.StartAction(a.Name, a.Params) : null;
        Backend.BeginHook();
        hookTools.BeginContext(contextId, environment);
        HookProcess.Outcome outcome;
        try
        {
            outcome = await HookProcess.RunAsync(charmDirectory, environment);
        }
        finally
        {
            hookTools.EndContext();
        }

        Backend.EndHook(outcome.ExitCode == 0);
        if (running is not null)
        {
            Backend.FinishAction();
        }

        return new EventRun(action is null ? hook : $"{action.Value.Name} (action)", outcome, [.. hookTools.Calls.Skip(before)], [.. Kubernetes.Requests.Skip(kubernetesBefore)], Backend.UnitStatus, Backend.AppStatus, running);
    }

    public async ValueTask DisposeAsync()
    {
        await hookTools.DisposeAsync();
        foreach (var workload in workloads)
        {
            await workload.DisposeAsync();
        }

        await kubernetes.DisposeAsync();
        foreach (var fake in fakes)
        {
            fake.Dispose();
        }

        Directory.Delete(workDirectory, recursive: true);
    }

    // Only what Juju sets (juju-hook-tools.md §3), plus the simulation's overrides for Pebble and Kubernetes.
    private Dictionary<string, string> Environment(string contextId, string hook, IReadOnlyDictionary<string, string> hookVariables, string? action)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = $"{shimDirectory}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["LANG"] = "C.UTF-8",
            ["JUJU_DISPATCH_PATH"] = action is null ? $"hooks/{hook}" : $"actions/{action}",
            ["JUJU_HOOK_NAME"] = action is null ? hook : "",
            ["JUJU_CHARM_DIR"] = charmDirectory,
            ["CHARM_DIR"] = charmDirectory,
            ["JUJU_CONTEXT_ID"] = contextId,
            ["JUJU_AGENT_SOCKET_ADDRESS"] = hookTools.SocketPath,
            ["JUJU_AGENT_SOCKET_NETWORK"] = "unix",
            ["JUJU_UNIT_NAME"] = Backend.UnitName,
            ["JUJU_MODEL_NAME"] = ModelName,
            ["JUJU_MODEL_UUID"] = Backend.ModelUuid,
            ["JUJU_VERSION"] = Backend.JujuVersion.ToString(),
            ["JUJU_API_ADDRESSES"] = "127.0.0.1:17070",
            ["JUJU_MACHINE_ID"] = "",
            ["JUJU_AVAILABILITY_ZONE"] = "",
            ["JUJU_PRINCIPAL_UNIT"] = "",
            [PebbleClient.ContainersDirectoryVariable] = Path.Combine(workDirectory, "containers"),
            [KubernetesStatefulSetApi.ApiServerVariable] = kubernetes.BaseAddress.ToString().TrimEnd('/'),
        };
        if (action is not null)
        {
            var id = contextCounter.ToString(CultureInfo.InvariantCulture);
            environment["JUJU_ACTION_NAME"] = action;
            environment["JUJU_ACTION_UUID"] = id;
            environment["JUJU_ACTION_TAG"] = $"action-{id}";
        }

        foreach (var (key, value) in hookVariables.Concat(extraEnvironment))
        {
            environment[key] = value;
        }

        return environment;
    }

    // The StatefulSet Juju creates for a sidecar charm: the charm container plus one per workload container.
    private void SeedStatefulSet()
    {
        var app = Backend.AppName;
        var containers = new JsonArray(new JsonObject { ["name"] = "charm", ["image"] = "jujusolutions/charm-base:ubuntu-24.04" });
        foreach (var container in Metadata.Containers.Keys)
        {
            containers.Add((JsonNode)new JsonObject { ["name"] = container, ["image"] = $"registry.jujucharms.com/{app}/{container}" });
        }

        var labels = new JsonObject { ["app.kubernetes.io/name"] = app };
        Kubernetes.StatefulSets.Put(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "StatefulSet",
            ["metadata"] = new JsonObject { ["name"] = app, ["namespace"] = ModelName, ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["serviceName"] = $"{app}-endpoints",
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject { ["containers"] = containers },
                },
            },
        });
    }
}

/// <summary>What one event did.</summary>
internal sealed record EventRun(
    string Name,
    HookProcess.Outcome Outcome,
    IReadOnlyList<HookToolCall> Calls,
    IReadOnlyList<RecordedRequest> KubernetesRequests,
    Ops.Model.Status UnitStatus,
    Ops.Model.Status AppStatus,
    MemoryAction? Action);
