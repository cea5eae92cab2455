using System.Net.Sockets;

namespace Charmarr.Ops.Testing.Juju.HookTools;

/// <summary>
/// The unit agent's side of jujuc for a simulated unit: a unix socket that answers hook-tool calls from the
/// <c>charmarr-hook-tool</c> shims (one per tool name on the charm's PATH) against a <see cref="MemoryJujuBackend"/>.
/// As in Juju, calls are only answered for the context that is running (<see cref="BeginContext"/>), one at a time.
/// </summary>
public sealed class HookToolSocketServer : IAsyncDisposable
{
    private readonly MemoryJujuBackend backend;
    private readonly Socket listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<HookToolCall> calls = [];
    private readonly Task accepting;
    private (string Id, MemoryHookTools Tools)? context;

    private HookToolSocketServer(MemoryJujuBackend backend, string socketPath)
    {
        this.backend = backend;
        SocketPath = socketPath;
        if (File.Exists(socketPath))
        {
            File.Delete(socketPath);
        }

        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(16);
        accepting = AcceptAsync();
    }

    /// <summary>The socket path, for <c>JUJU_AGENT_SOCKET_ADDRESS</c>.</summary>
    public string SocketPath { get; }

    /// <summary>The names of the tools it answers under Juju 3.x; put a shim on PATH under each.</summary>
    public static IReadOnlyList<string> ToolNames => MemoryHookTools.Names;

    /// <summary>
    /// The names of the tools a unit agent of Juju <paramref name="juju"/> offers among those answered here: Juju 4.0
    /// has no <c>leader-get</c>/<c>leader-set</c>, so no shim should exist for them (and through a shim they fail as
    /// Juju fails an unknown command: exit 1, <c>ERROR bad request: unknown command: leader-get</c>).
    /// </summary>
    /// <param name="juju">The emulated Juju version.</param>
    /// <returns>The tool names.</returns>
    public static IReadOnlyList<string> ToolNamesFor(Charmarr.Ops.Context.JujuVersion juju)
    {
        ArgumentNullException.ThrowIfNull(juju);
        return MemoryHookTools.NamesFor(juju);
    }

    /// <summary>Every call answered so far, oldest first.</summary>
    public IReadOnlyList<HookToolCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Starts listening on <paramref name="socketPath"/> (replacing a stale socket file).</summary>
    /// <param name="backend">The model the tools read and write.</param>
    /// <param name="socketPath">Where to listen; at most 107 bytes, the unix socket path limit.</param>
    /// <returns>The running server.</returns>
    public static HookToolSocketServer Start(MemoryJujuBackend backend, string socketPath)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        return new HookToolSocketServer(backend, socketPath);
    }

    /// <summary>Answers calls made with <c>JUJU_CONTEXT_ID</c> = <paramref name="contextId"/> from now on.</summary>
    /// <param name="contextId">The hook's context id.</param>
    /// <param name="environment">The hook's environment (<c>JUJU_RELATION_ID</c>, <c>JUJU_REMOTE_UNIT</c>, … supply the tools' defaults).</param>
    public void BeginContext(string contextId, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(contextId);
        ArgumentNullException.ThrowIfNull(environment);
        lock (gate)
        {
            context = (contextId, new MemoryHookTools(backend, environment));
        }
    }

    /// <summary>Stops answering the current context: later calls fail as they do after a hook process has exited.</summary>
    public void EndContext()
    {
        lock (gate)
        {
            context = null;
        }
    }

    /// <summary>Stops listening and removes the socket file.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        File.Delete(SocketPath);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private void Serve(Socket client)
    {
        using var socket = client;
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new BinaryReader(stream, HookToolWire.Utf8, leaveOpen: true);
        using var writer = new BinaryWriter(stream, HookToolWire.Utf8, leaveOpen: true);
        try
        {
            var request = HookToolWire.ReadRequest(reader);
            string? stdin = null;
            string ReadStdin()
            {
                if (stdin is null)
                {
                    writer.Write(HookToolWire.NeedsStdin);
                    writer.Flush();
                    stdin = reader.ReadString();
                }

                return stdin;
            }

            HookToolResponse response;
            lock (gate)
            {
                response = context is { } running && running.Id == request.ContextId
                    ? running.Tools.Run(request.Tool, request.Args, ReadStdin)
                    : new HookToolResponse(1, "", $"ERROR bad request: wrong context ID; got {HookToolException.GoQuote(request.ContextId)}\n");
                calls.Add(new HookToolCall(request.ContextId, request.Tool, request.Args, stdin, response.ExitCode, response.Stdout, response.Stderr));
            }

            HookToolWire.WriteResult(writer, response);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or SocketException)
        {
            // A shim that went away, or a client that is not a shim: nothing to answer.
        }
    }
}
