using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Exec;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server.Endpoints;

/// <summary><c>POST /v1/exec</c> and the task websockets (§2.10, §7.3, §7.4).</summary>
internal static class ExecEndpoints
{
    private const string Decode = "cannot decode request body";

    public static void Map(PebbleRouter router)
    {
        router.Map("POST", "/v1/exec", PostExec);
        router.Map("GET", "/v1/tasks/{task-id}/websocket/{websocket-id}", ConnectAsync);
    }

    private static async Task<Envelope?> PostExec(PebbleRequest request)
    {
        var body = await request.BodyAsync(Decode, GoPayload.Exec).ConfigureAwait(false);
        var spec = PebbleRequest.Field(() => Spec(body), Decode);
        if (PebbleRequest.Field(() => body.Bool("interactive") && !body.Bool("terminal"), Decode))
        {
            throw SimulatedPebbleException.Internal("cannot call exec: cannot use interactive mode without a terminal");
        }

        var session = request.Simulator.StartExec(spec);
        var sockets = request.Exec.Register(session);
        _ = ExecRunner.RunAsync(request.Simulator, sockets);
        return Envelope.Async(session.Task.Change.Id, new JsonObject
        {
            ["task-id"] = session.Task.Id,
            ["environment"] = GoJson.SortedMap(session.Request.Environment, v => JsonValue.Create(v)),
            ["working-dir"] = session.Request.WorkingDir,
        });
    }

    private static ExecSpec Spec(RequestBody body)
    {
        // Go decodes the whole body (type errors first), then Pebble validates it.
        var command = body.StringList("command");
        var timeoutText = body.String("timeout");
        var (serviceContext, environment, workingDir) = (body.String("service-context"), body.StringMap("environment"), body.String("working-dir"));
        var (userId, user, groupId, group, splitStderr) = (body.Int("user-id"), body.String("user"), body.Int("group-id"), body.String("group"), body.Bool("split-stderr"));
        if (command.Count == 0)
        {
            throw SimulatedPebbleException.BadRequest("must specify command");
        }

        TimeSpan? timeout = null;
        if (timeoutText is { Length: > 0 } text)
        {
            timeout = GoDuration.TryParse(text, out var parsed, out var error) ? parsed
                : throw SimulatedPebbleException.BadRequest($"invalid timeout: {error}");
        }

        return new ExecSpec(command, serviceContext, environment, workingDir, timeout, userId, user, groupId, group, splitStderr);
    }

    private static async Task<Envelope?> ConnectAsync(PebbleRequest request)
    {
        var taskId = request.Var("task-id");
        var websocketId = request.Var("websocket-id");
        var task = request.Simulator.GetChanges("all").SelectMany(c => c.Tasks).FirstOrDefault(t => t.Id == taskId)
            ?? throw SimulatedPebbleException.NotFound($"cannot find task {GoText.Quote(taskId)}");
        if (task.Kind != "exec")
        {
            throw SimulatedPebbleException.BadRequest($"{GoText.Quote(task.Kind)} tasks do not have websockets");
        }

        var sockets = request.Exec.Find(taskId)
            ?? throw SimulatedPebbleException.NotFound($"cannot find {websocketId} websocket for task {GoText.Quote(taskId)}");
        if (task.Status == "Error")
        {
            var change = request.Simulator.GetChanges("all").First(c => c.Tasks.Any(t => t.Id == taskId));
            throw SimulatedPebbleException.Internal(change.Err ?? "exec failed");
        }

        if (!sockets.Has(websocketId))
        {
            throw SimulatedPebbleException.NotFound($"cannot find {websocketId} websocket for task {GoText.Quote(taskId)}");
        }

        if (!request.Context.WebSockets.IsWebSocketRequest)
        {
            throw SimulatedPebbleException.BadRequest("websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header");
        }

        if (!sockets.TryClaim(websocketId))
        {
            throw SimulatedPebbleException.Internal($"{websocketId} websocket already connected");
        }

        using var socket = await request.Context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        sockets.Slot(websocketId).TrySetResult(socket);
        await sockets.Finished.Task.WaitAsync(request.Aborted).ConfigureAwait(false);
        if (websocketId == "control")
        {
            // Pebble closes the control connection without a close frame once the process has exited.
            request.Context.Abort();
            return null;
        }

        if (websocketId == "stdio")
        {
            await sockets.StdioClosed.Task.WaitAsync(request.Aborted).ConfigureAwait(false);
        }
        else
        {
            await DrainUntilClosedAsync(socket, request.Aborted).ConfigureAwait(false);
        }

        return null;
    }

    // Pebble leaves stdio/stderr open after "end"; the client closes them.
    private static async Task DrainUntilClosedAsync(System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == System.Net.WebSockets.WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // Closed or dropped by the client.
        }
    }
}
