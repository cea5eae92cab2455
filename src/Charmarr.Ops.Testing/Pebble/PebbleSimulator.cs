using Charmarr.Ops.Testing.Pebble.Layers;
using Charmarr.Ops.Testing.Pebble.State;

namespace Charmarr.Ops.Testing.Pebble;

/// <summary>
/// One simulated Pebble v1.32: a filesystem, layers merged into the plan, services, checks, exec handlers, changes,
/// notices, logs and identities, all guarded by one lock. Both faces — the in-process client and the unix-socket
/// server (<c>PebbleSocketServer</c>) — act on the same instance; tests drive it and inspect it directly.
/// Failures throw <see cref="SimulatedPebbleException"/> carrying Pebble's status, message and kind.
/// </summary>
public sealed partial class PebbleSimulator
{
    /// <summary>Creates an empty simulator: no layers, root-owned <c>/root</c> and <c>/tmp</c>, only user and group <c>root</c>.</summary>
    /// <param name="timeProvider">The clock for timestamps, timeouts and backoff; the system clock by default.</param>
    public PebbleSimulator(TimeProvider? timeProvider = null)
    {
        Parts = new SimulatorParts(timeProvider ?? TimeProvider.System);
        Parts.Files.MakeDirectory("/root", new FileCreation { Permissions = 0b111_000_000 });
        Parts.Files.MakeDirectory("/tmp", new FileCreation { Permissions = 0b111_111_111 });
    }

    /// <summary>The version <c>GET /v1/system-info</c> reports.</summary>
    public string Version { get; init; } = "v1.32.1";

    /// <summary>The boot id <c>GET /v1/system-info</c> reports.</summary>
    public string BootId { get; } = Guid.NewGuid().ToString();

    internal SimulatorParts Parts { get; }

    /// <summary>Adds a layer as <c>POST /v1/layers</c> does; checks follow the new plan at once (§3.10), services do not.</summary>
    /// <param name="label">The layer label (<c>dir/name</c> for a sub-directory layer).</param>
    /// <param name="yaml">The layer YAML.</param>
    /// <param name="combine">Combine into an existing layer of that label instead of failing.</param>
    /// <param name="inner">Pebble's <c>inner</c> flag: allow inserting a sub-directory layer before later layers.</param>
    public void AddLayer(string label, string yaml, bool combine = false, bool inner = false)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(yaml);
        if (label.Length == 0)
        {
            throw SimulatedPebbleException.BadRequest("label must be set");
        }

        AddLayer(() => Parts.Layers.Add(label, yaml, combine, inner));
    }

    /// <summary>Adds a layer built in memory (the in-process client's typed layers).</summary>
    internal void AddLayer(PlanLayer layer, bool combine)
    {
        if (layer.Label.Length == 0)
        {
            throw SimulatedPebbleException.BadRequest("label must be set");
        }

        AddLayer(() => Parts.Layers.Add(layer, combine, inner: false));
    }

    private void AddLayer(Action add)
    {
        lock (Parts.Gate)
        {
            try
            {
                add();
            }
            catch (LayerException e)
            {
                throw new SimulatedPebbleException(e.StatusCode, e.Message);
            }

            Parts.Checks.PlanChanged();
        }
    }

    /// <summary>The combined plan (a copy of the model) and its YAML, read together.</summary>
    internal (PlanLayer Plan, string Yaml) Plan()
    {
        lock (Parts.Gate)
        {
            return (LayerStack.Combine([Parts.Layers.Plan]), PlanYamlWriter.Render(Parts.Layers.Plan));
        }
    }

    /// <summary>The combined plan as <c>GET /v1/plan?format=yaml</c> renders it.</summary>
    public string PlanYaml
    {
        get
        {
            lock (Parts.Gate)
            {
                return PlanYamlWriter.Render(Parts.Layers.Plan);
            }
        }
    }

    /// <summary>The labels of the layers, in plan order.</summary>
    public IReadOnlyList<string> LayerLabels
    {
        get
        {
            lock (Parts.Gate)
            {
                return Parts.Layers.Layers.Select(l => l.Label).ToList();
            }
        }
    }

    /// <summary>The services of the plan (all, or the named ones; unknown names skipped), sorted by name.</summary>
    public IReadOnlyList<SimulatedServiceInfo> GetServices(params IReadOnlyCollection<string> names)
    {
        lock (Parts.Gate)
        {
            return Parts.Services.List(names);
        }
    }

    /// <summary>
    /// <c>POST /v1/services</c>: <c>start</c>, <c>stop</c>, <c>restart</c>, <c>replan</c> or <c>autostart</c>.
    /// The simulated tasks run at once, so the returned change is already ready.
    /// </summary>
    public SimulatedChange ServicesAction(string action, params IReadOnlyList<string> services)
    {
        lock (Parts.Gate)
        {
            return Parts.Services.Act(action, services).Snapshot();
        }
    }

    /// <summary>Test hook: the running service exits with this code; on-success/on-failure decide what follows.</summary>
    public void ExitService(string name, int exitCode, params IReadOnlyList<string> output)
    {
        lock (Parts.Gate)
        {
            Parts.Services.Exit(name, exitCode, output);
        }
    }

    /// <summary>Test hook: the next start of the service exits at once, failing its start task like Pebble's okay-delay check.</summary>
    public void FailNextStart(string name, int exitCode, params IReadOnlyList<string> output)
    {
        lock (Parts.Gate)
        {
            Parts.Services.FailNextStart(name, exitCode, output);
        }
    }

    /// <summary>Test hook: the service writes these lines to its output (<c>GET /v1/logs</c>).</summary>
    public void WriteServiceOutput(string service, params IReadOnlyList<string> lines)
    {
        lock (Parts.Gate)
        {
            Parts.Logs.Write(service, lines);
        }
    }

    /// <summary>The last <paramref name="count"/> log lines (all when negative) of the services (all when empty).</summary>
    public IReadOnlyList<SimulatedLogEntry> GetLogs(IReadOnlyCollection<string> services, int count = 30)
    {
        lock (Parts.Gate)
        {
            return Parts.Logs.Last(services, count);
        }
    }

    /// <summary><c>POST /v1/signals</c>: records the signal for each running service.</summary>
    public void SendSignal(string signal, params IReadOnlyList<string> services)
    {
        lock (Parts.Gate)
        {
            Parts.Services.Signal(signal, services);
        }
    }

    /// <summary>Signals delivered to services so far, in order.</summary>
    public IReadOnlyList<(string Service, string Signal)> SentSignals
    {
        get
        {
            lock (Parts.Gate)
            {
                return Parts.Services.SentSignals.ToList();
            }
        }
    }
}
