using Charmarr.Ops.Testing.Pebble.Exec;
using Charmarr.Ops.Testing.Pebble.Files;
using Charmarr.Ops.Testing.Pebble.Layers;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>The parts of one simulated Pebble and the one lock that guards them all.</summary>
internal sealed class SimulatorParts
{
    public SimulatorParts(TimeProvider time)
    {
        Time = time;
        Notices = new NoticeStore(time);
        Changes = new ChangeStore(time, Notices);
        Logs = new LogStore(time);
        Services = new ServiceManager(this);
        Checks = new CheckManager(this);
        Files = new SimulatedFileSystem(time);
        Exec = new ExecManager(this);
    }

    /// <summary>Held for every read or change of the state below.</summary>
    public object Gate { get; } = new();

    public TimeProvider Time { get; }
    public LayerStack Layers { get; } = new();
    public NoticeStore Notices { get; }
    public ChangeStore Changes { get; }
    public LogStore Logs { get; }
    public ServiceManager Services { get; }
    public CheckManager Checks { get; }
    public SimulatedFileSystem Files { get; }
    public ExecManager Exec { get; }
    public IdentityStore Identities { get; } = new();
}
