using System.Net.WebSockets;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// A command running under Pebble, driven over its exec websockets: <c>stdio</c> carries standard input and output,
/// <c>stderr</c> standard error (unless combined), <c>control</c> signals. Its exit code comes from the exec change.
/// </summary>
internal sealed class WebSocketExecProcess : PebbleExecProcess
{
    private readonly PebbleClient client;
    private readonly string operation;
    private readonly WebSocket control;
    private readonly WebSocket stdio;
    private readonly WebSocket? stderr;
    private readonly WebSocketInputStream stdin;
    private readonly WebSocketOutputStream stdout;
    private readonly WebSocketOutputStream? stderrStream;
    private readonly SemaphoreSlim controlSending = new(1, 1);
    private readonly Func<Exception, Exception?> translate;

    /// <summary>Wraps a started command.</summary>
    /// <param name="start">The started exec: request, ids, websockets.</param>
    /// <param name="client">The client, to wait for the change.</param>
    /// <param name="translate">Turns a websocket failure into the exception to throw.</param>
    public WebSocketExecProcess(ExecStart start, PebbleClient client, Func<Exception, Exception?> translate)
        : base(start.Request, start.ChangeId, start.TaskId)
    {
        this.client = client;
        operation = start.Operation;
        control = start.Control;
        stdio = start.Stdio;
        stderr = start.Stderr;
        stdin = new WebSocketInputStream(stdio, translate);
        stdout = new WebSocketOutputStream(stdio, translate);
        stderrStream = stderr is null ? null : new WebSocketOutputStream(stderr, translate);
        this.translate = translate;
    }

    /// <inheritdoc />
    public override Stream Stdin => stdin;

    /// <inheritdoc />
    public override Stream Stdout => stdout;

    /// <inheritdoc />
    public override Stream? Stderr => stderrStream;

    /// <inheritdoc />
    public override Task CloseStdinAsync(CancellationToken cancellationToken = default) => stdin.EndAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task SendSignalAsync(string signal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(signal);
        var message = new OpsJson().BeginObject().Key("command").String("signal").Key("signal").BeginObject().Key("name").String(signal).EndObject().EndObject();
        await controlSending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await control.SendAsync(Encoding.UTF8.GetBytes(message.ToString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && translate(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            controlSending.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        // Pebble kills the command at its timeout; the change then finishes within a second or so.
        TimeSpan? limit = Request.Timeout is { } timeout ? timeout + TimeSpan.FromSeconds(1) : null;
        var change = await client.WaitForChangeAsync(operation, ChangeId, limit, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(change.Err))
        {
            throw new PebbleChangeException(operation, change);
        }

        return PebbleJsonReader.ExitCode(change);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        // Dropping the control connection while the command runs makes Pebble kill it, so a disposed process is gone.
        foreach (var socket in new[] { control, stdio, stderr })
        {
            if (socket is not null)
            {
                socket.Abort();
                socket.Dispose();
            }
        }

        await stdin.DisposeAsync().ConfigureAwait(false);
        await stdout.DisposeAsync().ConfigureAwait(false);
        if (stderrStream is not null)
        {
            await stderrStream.DisposeAsync().ConfigureAwait(false);
        }

        controlSending.Dispose();
    }

    /// <summary>What starting an exec produced.</summary>
    /// <param name="Operation">The operation, for errors.</param>
    /// <param name="Request">The request.</param>
    /// <param name="ChangeId">The exec change.</param>
    /// <param name="TaskId">The exec task.</param>
    /// <param name="Control">The control websocket.</param>
    /// <param name="Stdio">The stdio websocket.</param>
    /// <param name="Stderr">The stderr websocket, unless stderr is combined.</param>
    internal sealed record ExecStart(string Operation, PebbleExecRequest Request, string ChangeId, string TaskId, WebSocket Control, WebSocket Stdio, WebSocket? Stderr);
}
