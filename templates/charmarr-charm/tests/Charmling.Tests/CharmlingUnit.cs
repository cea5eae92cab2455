using System.Text.Json.Nodes;
using Charmarr.Ops.Context;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmling.Tests;

/// <summary>
/// One unit of the charm, run the way Juju runs it: every event through the production dispatcher, against the
/// Testing package's in-memory Juju model and simulated Pebble. Each hook is committed when it exits 0 and rolled back
/// otherwise, as Juju does.
/// </summary>
internal sealed class CharmlingUnit : IDisposable
{
    private readonly CharmApp app;

    public CharmlingUnit()
    {
        var metadata = CharmMetadata.ParseCharmcraft(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "charmcraft.yaml")));
        foreach (var option in metadata.Config.Values)
        {
            Juju.SetConfigDefault(option.Name, option.Default?.DeepClone());
        }

        app = CharmlingApp.Configure(CharmApp.CreateBuilder([]))
            .UseBackend(Juju)
            .UsePebble(Pebble)
            .UseMetadata(metadata)
            .Build<CharmlingCharm>();
    }

    /// <summary>Juju as this unit sees it: config, status, opened ports, actions, logs.</summary>
    public MemoryJujuBackend Juju { get; } = new("charmling/0") { Leader = true };

    /// <summary>The simulated Pebble of each workload container.</summary>
    public InProcessPebbleClientFactory Pebble { get; } = new();

    public PebbleSimulator Workload => Pebble.Simulator("workload");

    public Task<int> PebbleReadyAsync() => DispatchAsync("hooks/workload-pebble-ready", ("JUJU_WORKLOAD_NAME", "workload"));

    public Task<int> ConfigChangedAsync(string key, JsonNode? value)
    {
        Juju.SetConfig(key, value);
        return DispatchAsync("hooks/config-changed");
    }

    /// <summary>Runs an action; its results, failure and logs are on the returned record.</summary>
    public async Task<MemoryAction> RunActionAsync(string name, JsonObject? parameters = null)
    {
        Juju.StartAction(name, parameters);
        await DispatchAsync($"actions/{name}", ("JUJU_ACTION_NAME", name), ("JUJU_ACTION_UUID", "1"));
        return Juju.FinishAction();
    }

    public async Task<int> DispatchAsync(string dispatchPath, params (string Name, string Value)[] environment)
    {
        var context = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_UNIT_NAME"] = Juju.UnitName,
            ["JUJU_MODEL_NAME"] = "test",
            ["JUJU_MODEL_UUID"] = Juju.ModelUuid,
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_DISPATCH_PATH"] = dispatchPath,
        };
        foreach (var (name, value) in environment)
        {
            context[name] = value;
        }

        Juju.BeginHook();
        var exitCode = await app.DispatchAsync(JujuContext.FromEnvironment(context), TestContext.Current.CancellationToken);
        Juju.EndHook(succeeded: exitCode == 0);
        return exitCode;
    }

    public void Dispose() => app.Dispose();
}
