using System.Collections.Concurrent;
using System.Net.WebSockets;
using Charmarr.Ops.Testing.Pebble.Exec;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>The task websockets of each exec, by task id.</summary>
internal sealed class ExecConnections
{
    private readonly ConcurrentDictionary<string, ExecSockets> sockets = new(StringComparer.Ordinal);

    public ExecSockets Register(ExecSession session) => sockets[session.Task.Id] = new ExecSockets(session);

    public ExecSockets? Find(string taskId) => sockets.GetValueOrDefault(taskId);
}

/// <summary>The websockets of one exec as they connect: <c>stdio</c> and (split) <c>stderr</c> are awaited, <c>control</c> is optional.</summary>
internal sealed class ExecSockets(ExecSession session)
{
    private readonly ConcurrentDictionary<string, bool> connected = new(StringComparer.Ordinal);

    public ExecSession Session { get; } = session;

    public TaskCompletionSource<WebSocket> Stdio { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<WebSocket> Stderr { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<WebSocket> Control { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the client has closed (or dropped) the stdio websocket, which the stdin pump reads to its end.</summary>
    public TaskCompletionSource StdioClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the process has exited and its output has been sent (or the exec failed).</summary>
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Has(string id) => id is "control" or "stdio" || (id == "stderr" && Session.SplitStderr);

    /// <summary>Claims a websocket id; false when it was already connected.</summary>
    public bool TryClaim(string id) => connected.TryAdd(id, true);

    public TaskCompletionSource<WebSocket> Slot(string id) => id switch
    {
        "stdio" => Stdio,
        "stderr" => Stderr,
        _ => Control,
    };
}
