using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class SocketExecTests
{
    private static async Task<(string ChangeId, string TaskId, JsonElement Result)> PostExecAsync(SocketFixture pebble, string body)
    {
        var (status, text) = await pebble.PostAsync("/v1/exec", body);
        Assert.Equal(202, status);
        var root = JsonDocument.Parse(text).RootElement;
        var result = root.GetProperty("result");
        return (root.GetProperty("change").GetString()!, result.GetProperty("task-id").GetString()!, result.Clone());
    }

    private static async Task<(byte[] Output, string End)> ReadUntilEndAsync(ClientWebSocket socket)
    {
        var output = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            if (received.MessageType == WebSocketMessageType.Text)
            {
                return (output.ToArray(), Encoding.UTF8.GetString(buffer, 0, received.Count));
            }

            output.Write(buffer, 0, received.Count);
        }
    }

    [Fact]
    public async Task Exec_choreography_stdin_in_output_out_exit_code_in_the_task_data()
    {
        await using var pebble = await SocketFixture.StartAsync();
        ExecRequest? seen = null;
        pebble.Simulator.HandleExec(["cat"], async (request, cancel) =>
        {
            seen = request;
            var stdin = await request.ReadStdinAsync(cancel);
            return new ExecResult(3, stdin, "oops"u8.ToArray());
        });

        var (changeId, taskId, result) = await PostExecAsync(pebble,
            """{"command":["cat","-"],"environment":{"FOO":"bar"},"working-dir":null,"timeout":null,"split-stderr":true}""");
        using var control = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/control");
        using var stdio = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
        using var stderr = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stderr");
        await stdio.SendAsync("hello "u8.ToArray(), WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        await stdio.SendAsync("world"u8.ToArray(), WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        await stdio.SendAsync("""{"command":"end"}"""u8.ToArray(), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        var output = await ReadUntilEndAsync(stdio);
        var errors = await ReadUntilEndAsync(stderr);
        var (_, wait) = await pebble.GetAsync($"/v1/changes/{changeId}/wait?timeout=30s");

        Assert.Equal("/root", result.GetProperty("working-dir").GetString());
        Assert.Equal("bar", result.GetProperty("environment").GetProperty("FOO").GetString());
        Assert.Equal(("hello world", """{"command":"end"}"""), (Encoding.UTF8.GetString(output.Output), output.End));
        Assert.Equal("oops", Encoding.UTF8.GetString(errors.Output));
        Assert.Contains("\"kind\":\"exec\",\"summary\":\"Execute command \\\"cat\\\"\",\"status\":\"Done\"", wait, StringComparison.Ordinal);
        Assert.Contains("\"data\":{\"exit-code\":3}", wait, StringComparison.Ordinal);
        Assert.Equal(["cat", "-"], seen!.Command);
        Assert.Equal("C.UTF-8", seen.Environment["LANG"]);
    }

    [Fact]
    public async Task Combined_stderr_is_sent_on_stdio_and_a_handler_that_ignores_stdin_runs_at_once()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.HandleExec(["ls"], ExecResult.FromText(0, "a\n", "warn\n"));

        var (changeId, taskId, _) = await PostExecAsync(pebble, """{"command":["ls","/"]}""");
        using var stdio = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
        var output = await ReadUntilEndAsync(stdio);
        var change = await pebble.Simulator.WaitChangeAsync(changeId, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("a\nwarn\n", Encoding.UTF8.GetString(output.Output));
        Assert.Equal(0, change.Tasks[0].ExitCode);
    }

    [Fact]
    public async Task Unregistered_commands_fail_like_a_missing_executable()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.PostAsync("/v1/exec", """{"command":["nope","x"]}""");

        Assert.Equal((400, """{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"cannot find executable \"nope\""}}"""), (status, body));
    }

    [Fact]
    public async Task Longest_registered_prefix_wins()
    {
        var pebble = new PebbleSimulator();
        pebble.HandleExec([], ExecResult.FromText(1));
        pebble.HandleExec(["git"], ExecResult.FromText(2));
        pebble.HandleExec(["git", "status"], ExecResult.FromText(3));
        await using var socket = await SocketFixture.StartAsync(pebble);

        var codes = new List<int?>();
        foreach (var command in new[] { """["git","status","-s"]""", """["git","log"]""", """["ls"]""" })
        {
            var (changeId, taskId, _) = await PostExecAsync(socket, $$"""{"command":{{command}}}""");
            using var stdio = await socket.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
            await ReadUntilEndAsync(stdio);
            codes.Add((await pebble.WaitChangeAsync(changeId, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Tasks[0].ExitCode);
        }

        Assert.Equal([3, 2, 1], codes);
    }

    [Fact]
    public async Task Timeout_errors_the_change_with_exit_code_minus_one()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.HandleExec(["sleep"], async (_, cancel) =>
        {
            await Task.Delay(Timeout.Infinite, cancel);
            return ExecResult.FromText(0);
        });

        var (changeId, taskId, _) = await PostExecAsync(pebble, """{"command":["sleep","10"],"timeout":"0.100s"}""");
        using var stdio = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
        var change = await pebble.Simulator.WaitChangeAsync(changeId, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("Error", change.Status);
        Assert.Equal("cannot perform the following tasks:\n- Execute command \"sleep\" (timed out after 100ms: context deadline exceeded)", change.Err);
        Assert.Equal(-1, change.Tasks[0].ExitCode);
    }

    [Fact]
    public async Task Without_websockets_the_exec_fails_after_five_seconds_with_no_exit_code()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.HandleExec(["true"], ExecResult.FromText(0));

        var (changeId, taskId, _) = await PostExecAsync(pebble, """{"command":["true"]}""");
        var change = await pebble.Simulator.WaitChangeAsync(changeId, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var late = await pebble.GetAsync($"/v1/tasks/{taskId}/websocket/stdio");

        Assert.Equal($"cannot perform the following tasks:\n- Execute command \"true\" (exec {taskId}: timeout waiting for websocket connections: context deadline exceeded)", change.Err);
        Assert.Null(change.Tasks[0].ExitCode);
        Assert.Equal(500, late.Status);
        Assert.Contains("timeout waiting for websocket connections", late.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Websocket_errors_follow_pebble()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", "services:\n  s: {override: replace, command: x}\n");
        pebble.Simulator.ServicesAction("start", "s");
        pebble.Simulator.HandleExec(["x"], ExecResult.FromText(0));
        var (_, taskId, _) = await PostExecAsync(pebble, """{"command":["x"]}""");

        var unknown = await pebble.GetAsync("/v1/tasks/99/websocket/stdio");
        var notExec = await pebble.GetAsync("/v1/tasks/1/websocket/stdio");
        var noStderr = await pebble.GetAsync($"/v1/tasks/{taskId}/websocket/stderr");
        using var stdio = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
        var second = await Assert.ThrowsAnyAsync<WebSocketException>(() => pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio"));

        Assert.Equal((404, """{"type":"error","status-code":404,"status":"Not Found","result":{"message":"cannot find task \"99\""}}"""), unknown);
        Assert.Equal((400, """{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"\"start\" tasks do not have websockets"}}"""), notExec);
        Assert.Equal(404, noStderr.Status);
        Assert.Contains($"cannot find stderr websocket for task \\\"{taskId}\\\"", noStderr.Body, StringComparison.Ordinal);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Control_signals_reach_the_handler_as_a_kill_with_exit_code_128_plus_the_signal()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.HandleExec(["serve"], async (_, cancel) =>
        {
            await Task.Delay(Timeout.Infinite, cancel);
            return ExecResult.FromText(0);
        });

        var (changeId, taskId, _) = await PostExecAsync(pebble, """{"command":["serve"]}""");
        using var control = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/control");
        using var stdio = await pebble.ConnectWebSocketAsync($"/v1/tasks/{taskId}/websocket/stdio");
        await control.SendAsync("""{"command":"signal","signal":{"name":"SIGTERM"}}"""u8.ToArray(), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        var change = await pebble.Simulator.WaitChangeAsync(changeId, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(("Done", 143), (change.Status, change.Tasks[0].ExitCode)); // 128 + SIGTERM, as Pebble reports it
    }
}
