using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Exec: the request, the task's websockets (binary data, text commands), exit codes from the change (§2.10).</summary>
public sealed class PebbleClientExecTests : PebbleWireTest
{
    private const string ExecResult = """{"task-id":"T1","environment":{"PATH":"/usr/bin"},"working-dir":"/root"}""";

    private readonly ConcurrentQueue<string> control = new();
    private readonly TaskCompletionSource controlMessage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(WebSocketMessageType Type, string Text)> stdinFrames = new();

    [Fact]
    public async Task A_captured_exec_sends_stdin_and_reads_stdout_stderr_and_the_exit_code()
    {
        Serve(exitCode: "0", stdout: "OUT:", stderr: "warning\n");

        var result = await Within(Client.ExecAsync(new PebbleExecRequest(["tr", "a-z", "A-Z"]), stdin: "hello", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(new PebbleExecResult(0, "OUT:hello", "warning\n"), result);
        Assert.Equal([(WebSocketMessageType.Binary, "hello"), (WebSocketMessageType.Text, "{\"command\":\"end\"}")], stdinFrames);
        Assert.Equal(
            ["/v1/exec", "/v1/tasks/T1/websocket/control", "/v1/tasks/T1/websocket/stdio", "/v1/tasks/T1/websocket/stderr", "/v1/changes/42/wait?timeout=4.000s"],
            Server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task The_exec_body_carries_every_key_ops_sends_null_when_unset()
    {
        Serve(exitCode: "0");

        await Within(Client.ExecAsync(new PebbleExecRequest(["ls", "-l"]), cancellationToken: TestContext.Current.CancellationToken));

        var exec = Server.Requests[0];
        Assert.Equal(("POST", "/v1/exec", "application/json"), (exec.Method, exec.Target, exec.Header("Content-Type")));
        Assert.Equal(
            """{"command": ["ls", "-l"], "service-context": null, "environment": {}, "working-dir": null, "timeout": null, "user-id": null, "user": null, "group-id": null, "group": null, "split-stderr": true}""",
            exec.BodyText);
    }

    [Fact]
    public async Task The_exec_body_carries_every_option_set()
    {
        Serve(exitCode: "0", combined: true);
        var request = new PebbleExecRequest(["chown", "-R", "plex", "/config"])
        {
            ServiceContext = "plex",
            Environment = new Dictionary<string, string> { ["LANG"] = "C", ["HOME"] = "/config" },
            WorkingDir = "/config",
            Timeout = TimeSpan.FromSeconds(2.5),
            UserId = 0,
            User = "root",
            GroupId = 0,
            Group = "root",
            CombineStderr = true,
        };

        await Within(Client.ExecAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(
            """{"command": ["chown", "-R", "plex", "/config"], "service-context": "plex", "environment": {"LANG": "C", "HOME": "/config"}, "working-dir": "/config", "timeout": "2.500s", "user-id": 0, "user": "root", "group-id": 0, "group": "root", "split-stderr": false}""",
            Server.Requests[0].BodyText);
        Assert.Equal("/v1/changes/42/wait?timeout=3.500s", Server.Requests[^1].Target);
    }

    [Fact]
    public async Task Combined_stderr_opens_no_stderr_websocket()
    {
        Serve(exitCode: "0", stdout: "both:", combined: true);

        var process = await Within(Client.StartExecAsync(new PebbleExecRequest(["sh", "-c", "echo"]) { CombineStderr = true }, TestContext.Current.CancellationToken));
        await using (process)
        {
            Assert.Null(process.Stderr);
            await process.CloseStdinAsync(TestContext.Current.CancellationToken);
            var result = await Within(process.WaitOutputAsync(cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal(new PebbleExecResult(0, "both:", null), result);
        }

        Assert.DoesNotContain(Server.Requests, r => r.Target.EndsWith("/stderr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_zero_exit_is_an_exec_error_with_the_captured_output()
    {
        Serve(exitCode: "2", stdout: "", stderr: "ls: cannot access 'nope': No such file or directory\n");

        var error = await Assert.ThrowsAsync<PebbleExecException>(() => Within(Client.ExecAsync(new PebbleExecRequest(["ls", "nope"]), cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(["ls", "nope"], error.Command);
        Assert.Equal("", error.Stdout);
        Assert.Equal("ls: cannot access 'nope': No such file or directory\n", error.Stderr);
        Assert.Equal("pebble exec ls nope: exited with code 2: ls: cannot access 'nope': No such file or directory", error.Message);
    }

    [Fact]
    public async Task A_non_zero_exit_can_be_returned_instead_of_thrown()
    {
        Serve(exitCode: "1");

        var result = await Within(Client.ExecAsync(new PebbleExecRequest(["false"]), throwOnNonZeroExit: false, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_change_without_an_exit_code_reads_as_minus_one()
    {
        Serve(exitCode: null);

        var process = await Within(Client.StartExecAsync(new PebbleExecRequest(["true"]), TestContext.Current.CancellationToken));
        await using (process)
        {
            Assert.Equal(-1, await Within(process.WaitForExitAsync(TestContext.Current.CancellationToken)));
        }
    }

    [Fact]
    public async Task A_command_killed_by_its_timeout_fails_the_wait_with_the_change_error()
    {
        const string err = "cannot perform the following tasks:\n- Execute command \"sleep\" (timed out after 1s: context deadline exceeded)";
        Serve(exitCode: "-1", err: err);

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => Within(Client.ExecAsync(new PebbleExecRequest(["sleep", "10"]) { Timeout = TimeSpan.FromSeconds(1) }, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(err, error.Err);
        Assert.Equal("pebble exec sleep 10", error.Operation);
    }

    [Fact]
    public async Task A_signal_goes_to_the_control_websocket_as_a_text_command()
    {
        Serve(exitCode: "143");

        var process = await Within(Client.StartExecAsync(new PebbleExecRequest(["sleep", "60"]), TestContext.Current.CancellationToken));
        await using (process)
        {
            await Within(process.SendSignalAsync("SIGTERM", TestContext.Current.CancellationToken));
            await process.CloseStdinAsync(TestContext.Current.CancellationToken);
            Assert.Equal(143, await Within(process.WaitForExitAsync(TestContext.Current.CancellationToken)));
        }

        await Within(controlMessage.Task);
        Assert.Equal(["""{"command": "signal", "signal": {"name": "SIGTERM"}}"""], control);
    }

    [Fact]
    public async Task A_refused_websocket_of_a_failed_command_is_the_changes_error()
    {
        const string err = "cannot perform the following tasks:\n- Execute command \"nope\" (cannot find executable \"nope\")";
        Server.Handler = request => request.Target switch
        {
            "/v1/exec" => Envelopes.Async("42", ExecResult),
            var t when t.StartsWith("/v1/tasks/", StringComparison.Ordinal) => Envelopes.Error(500, err),
            _ => Envelopes.Sync(Envelopes.Change("42", status: "Error", err: err, kind: "exec")),
        };

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => Within(Client.StartExecAsync(new PebbleExecRequest(["nope"]), TestContext.Current.CancellationToken)));

        Assert.Equal(err, error.Err);
    }

    [Fact]
    public async Task A_refused_websocket_of_a_healthy_change_is_a_connection_error()
    {
        Server.Handler = request => request.Target switch
        {
            "/v1/exec" => Envelopes.Async("42", ExecResult),
            var t when t.StartsWith("/v1/tasks/", StringComparison.Ordinal) => Envelopes.Error(404, "cannot find task \"T1\""),
            _ => Envelopes.Sync(Envelopes.Change("42", kind: "exec", exitCode: "0")),
        };

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Within(Client.StartExecAsync(new PebbleExecRequest(["true"]), TestContext.Current.CancellationToken)));

        Assert.Equal("pebble exec true", error.Operation);
        Assert.Contains("Pebble refused the exec's websocket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exec_Pebble_refuses_is_an_API_error()
    {
        Server.Enqueue(Envelopes.Error(400, "cannot find executable \"nope\""));

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Within(Client.StartExecAsync(new PebbleExecRequest(["nope"]), TestContext.Current.CancellationToken)));

        Assert.Equal("pebble exec nope: 400 Bad Request: cannot find executable \"nope\"", error.Message);
    }

    private void Serve(string? exitCode, string stdout = "", string stderr = "", bool combined = false, string? err = null)
    {
        Server.Handler = request => request.Target switch
        {
            "/v1/exec" => Envelopes.Async("42", ExecResult),
            "/v1/tasks/T1/websocket/control" => new WebSocketReply(ControlAsync),
            "/v1/tasks/T1/websocket/stdio" => new WebSocketReply(socket => StdioAsync(socket, stdout)),
            "/v1/tasks/T1/websocket/stderr" when !combined => new WebSocketReply(socket => OutputAsync(socket, stderr)),
            var t when t.StartsWith("/v1/changes/42/wait", StringComparison.Ordinal) =>
                Envelopes.Sync(Envelopes.Change("42", status: err is null ? "Done" : "Error", err: err, exitCode: exitCode, kind: "exec")),
            var t => Envelopes.Error(404, $"unexpected {t}"),
        };
    }

    // Like Pebble's stdio: echo stdin after a prefix once it ends, then say end.
    private async Task StdioAsync(WebSocket socket, string prefix)
    {
        var input = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var message = await ReceiveAsync(socket, buffer);
            if (message is null)
            {
                return;
            }

            stdinFrames.Enqueue(message.Value);
            if (message.Value.Type == WebSocketMessageType.Text)
            {
                break;
            }

            input.Append(message.Value.Text);
        }

        await OutputAsync(socket, prefix + input);
    }

    private static async Task OutputAsync(WebSocket socket, string output)
    {
        if (output.Length > 0)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(output), WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        await socket.SendAsync("{\"command\":\"end\"}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        await DrainAsync(socket);
    }

    private async Task ControlAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        while (await ReceiveAsync(socket, buffer) is { } message)
        {
            control.Enqueue(message.Text);
            controlMessage.TrySetResult();
        }
    }

    // Waits for the client to go away, as Pebble keeps its end open.
    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        while (await ReceiveAsync(socket, buffer) is not null)
        {
        }
    }

    private static async Task<(WebSocketMessageType Type, string Text)?> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        try
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            return result.MessageType == WebSocketMessageType.Close ? null : (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
        }
        catch (WebSocketException)
        {
            return null;
        }
    }
}
