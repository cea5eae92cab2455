using Charmarr.Ops.Testing.Pebble.State;

namespace Charmarr.Ops.Testing.Pebble.Exec;

/// <summary>One exec: its change and task, the resolved request, and the handler that will simulate it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "A CancellationTokenSource without a timer holds nothing to release; sessions live as long as the simulator.")]
internal sealed class ExecSession(TaskEntity task, ExecRequest request, ExecHandler handler, bool splitStderr)
{
    private readonly CancellationTokenSource kill = new();

    public TaskEntity Task { get; } = task;
    public ExecRequest Request { get; } = request;
    public ExecHandler Handler { get; } = handler;
    public bool SplitStderr { get; } = splitStderr;

    private readonly List<string> signals = [];

    /// <summary>Signals the client sent, in order.</summary>
    public IReadOnlyList<string> Signals
    {
        get
        {
            lock (signals)
            {
                return [.. signals];
            }
        }
    }

    /// <summary>The number of the signal that killed the process (9 when it was killed without one), or 0.</summary>
    public int KillSignal { get; private set; }

    /// <summary>Delivers a signal: recorded, and SIGKILL, SIGTERM or SIGINT kill the simulated process.</summary>
    public void Signal(string name)
    {
        lock (signals)
        {
            signals.Add(name);
        }

        var number = name switch
        {
            "SIGKILL" => 9,
            "SIGTERM" => 15,
            "SIGINT" => 2,
            _ => 0,
        };
        if (number != 0)
        {
            Kill(number);
        }
    }

    /// <summary>Cancelled when the process is killed (abort, SIGKILL, SIGTERM, control socket lost).</summary>
    public CancellationToken Killed => kill.Token;

    /// <summary>Kills the process, with SIGKILL unless another signal is named (as Pebble does).</summary>
    /// <param name="signal">The signal's number.</param>
    public void Kill(int signal = 9)
    {
        if (KillSignal == 0)
        {
            KillSignal = signal;
        }

        kill.Cancel();
    }
}
