using Charmarr.Ops.Testing.Pebble.Exec;

namespace Charmarr.Ops.Testing.Pebble;

/// <summary>Exec handlers and running simulated commands.</summary>
public sealed partial class PebbleSimulator
{
    /// <summary>
    /// Registers the handler for commands starting with <paramref name="commandPrefix"/> (the longest matching prefix
    /// wins; an empty prefix matches everything). Commands no handler matches fail with 400
    /// <c>cannot find executable "x"</c>, as a missing binary does.
    /// </summary>
    public void HandleExec(IReadOnlyList<string> commandPrefix, ExecHandler handler)
    {
        ArgumentNullException.ThrowIfNull(commandPrefix);
        ArgumentNullException.ThrowIfNull(handler);
        lock (Parts.Gate)
        {
            Parts.Exec.Register(commandPrefix, handler);
        }
    }

    /// <summary>Registers a synchronous handler.</summary>
    public void HandleExec(IReadOnlyList<string> commandPrefix, Func<ExecRequest, ExecResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        HandleExec(commandPrefix, (request, _) => Task.FromResult(handler(request)));
    }

    /// <summary>Registers a fixed result.</summary>
    public void HandleExec(IReadOnlyList<string> commandPrefix, ExecResult result) =>
        HandleExec(commandPrefix, _ => result);

    /// <summary>Every command the charm started in this container (whether a handler matched it or not is not
    /// recorded here: an unmatched one fails before it starts), oldest first.</summary>
    public IReadOnlyList<ExecCall> ExecCalls
    {
        get
        {
            lock (Parts.Gate)
            {
                return Parts.Exec.Calls.ToList();
            }
        }
    }

    /// <summary>Starts an exec as <c>POST /v1/exec</c> does; the handler runs when <see cref="ExecManager.RunAsync"/> is called.</summary>
    internal ExecSession StartExec(ExecSpec spec)
    {
        lock (Parts.Gate)
        {
            return Parts.Exec.Start(spec);
        }
    }
}
