using System.Net.WebSockets;

namespace Charmarr.Ops.Pebble;

/// <summary>Exec: the request, then the task's websockets.</summary>
public sealed partial class PebbleClient
{
    /// <inheritdoc />
    public async Task<PebbleExecProcess> StartExecAsync(PebbleExecRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command.Count == 0 || string.IsNullOrEmpty(request.Command[0]))
        {
            throw new ArgumentException("the command must name a program", nameof(request));
        }

        var operation = PebbleExecException.Describe(request.Command);
        var body = new OpsJson().BeginObject()
            .Key("command").Strings(request.Command)
            .Key("service-context").String(request.ServiceContext)
            .Key("environment").StringMap(request.Environment ?? new Dictionary<string, string>())
            .Key("working-dir").String(request.WorkingDir)
            .Key("timeout").String(request.Timeout is { } timeout ? Seconds(timeout) : null)
            .Key("user-id").Number(request.UserId)
            .Key("user").String(request.User)
            .Key("group-id").Number(request.GroupId)
            .Key("group").String(request.Group)
            .Key("split-stderr").Bool(!request.CombineStderr)
            .EndObject();
        var (changeId, taskId) = await CallAsync(
            new PebbleCall(operation, HttpMethod.Post, "/v1/exec") { Body = body },
            e => (e.Change ?? throw new FormatException("the response has no change id"), PebbleJsonReader.Str(e.RequiredResult, "task-id")),
            cancellationToken).ConfigureAwait(false);

        var sockets = new List<WebSocket>();
        using var watchdog = new CallWatchdog(Timeout, cancellationToken);
        try
        {
            // The order ops uses; Pebble starts the command once stdio (and stderr, when split) are connected.
            foreach (var name in request.CombineStderr ? new[] { "control", "stdio" } : ["control", "stdio", "stderr"])
            {
                sockets.Add(await transport.ConnectWebSocketAsync(taskId, name, watchdog.Token).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (PebbleTransport.IsFailure(e, watchdog))
        {
            sockets.ForEach(s => s.Dispose());
            throw await HandshakeFailureAsync(operation, changeId, e, watchdog, cancellationToken).ConfigureAwait(false);
        }

        var start = new WebSocketExecProcess.ExecStart(operation, request, changeId, taskId, sockets[0], sockets[1], sockets.Count > 2 ? sockets[2] : null);
        return new WebSocketExecProcess(start, this, e => transport.StreamFailure(operation, e));
    }

    // A handshake usually fails because the command already failed (Pebble answers 500 with the change's error):
    // the change says why. Otherwise it is a connection problem.
    private async Task<PebbleException> HandshakeFailureAsync(string operation, string changeId, Exception failure, CallWatchdog watchdog, CancellationToken cancellationToken)
    {
        var connection = failure is WebSocketException { WebSocketErrorCode: WebSocketError.NotAWebSocket }
            ? new PebbleConnectionException(operation, SocketPath, $"Pebble refused the exec's websocket: {failure.Message}", failure)
            : transport.Failure(operation, failure, watchdog);
        PebbleChange change;
        try
        {
            change = await WaitForChangeAsync(operation, changeId, DefaultChangeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (PebbleException)
        {
            return connection;
        }

        return string.IsNullOrEmpty(change.Err) ? connection : new PebbleChangeException(operation, change);
    }
}
