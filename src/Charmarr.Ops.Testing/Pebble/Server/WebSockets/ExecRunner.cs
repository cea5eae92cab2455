using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text.Json;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>
/// The exec websocket choreography (§2.10): wait ≤ 5 s for stdio (and stderr), read stdin until TEXT
/// <c>{"command":"end"}</c>, run the handler, send output as BINARY frames then TEXT end; signals come on control.
/// </summary>
internal static class ExecRunner
{
    private const int ChunkSize = 32 * 1024;
    private static readonly TimeSpan ConnectWindow = TimeSpan.FromSeconds(5);
    private static readonly byte[] EndMessage = "{\"command\":\"end\"}"u8.ToArray();

    public static async Task RunAsync(PebbleSimulator simulator, ExecSockets sockets)
    {
        var session = sockets.Session;
        Task needed = session.SplitStderr ? Task.WhenAll(sockets.Stdio.Task, sockets.Stderr.Task) : sockets.Stdio.Task;
        try
        {
            await needed.WaitAsync(ConnectWindow, simulator.Parts.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            simulator.Parts.Exec.FailNotConnected(session);
            sockets.Finished.TrySetResult();
            return;
        }

        var stdio = await sockets.Stdio.Task.ConfigureAwait(false);
        _ = ReadControlAsync(sockets);
        var stdin = new Pipe();
        _ = PumpStdinAsync(stdio, stdin.Writer, sockets.StdioClosed);
        await using var stdinStream = stdin.Reader.AsStream();
        var result = await simulator.Parts.Exec.RunAsync(session, stdinStream).ConfigureAwait(false);
        try
        {
            var stdout = result?.Stdout ?? ReadOnlyMemory<byte>.Empty;
            var stderr = result?.Stderr ?? ReadOnlyMemory<byte>.Empty;
            if (session.SplitStderr)
            {
                await SendAsync(stdio, stdout).ConfigureAwait(false);
                await SendAsync(await sockets.Stderr.Task.ConfigureAwait(false), stderr).ConfigureAwait(false);
            }
            else
            {
                await SendAsync(stdio, Concat(stdout, stderr)).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The client went away; the change already holds the outcome.
        }
        finally
        {
            sockets.Finished.TrySetResult();
        }
    }

    // The only reader of the stdio socket: BINARY frames are stdin, TEXT {"command":"end"} (or a close) ends it;
    // it keeps reading after that so the client's close handshake is answered.
    private static async Task PumpStdinAsync(WebSocket stdio, PipeWriter stdin, TaskCompletionSource closed)
    {
        var buffer = new byte[ChunkSize];
        var open = true;
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await stdio.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await stdio.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                if (open && received.MessageType == WebSocketMessageType.Binary)
                {
                    await stdin.WriteAsync(message.ToArray(), CancellationToken.None).ConfigureAwait(false);
                }
                else if (open && Command(message.ToArray()) == "end")
                {
                    open = false;
                    await stdin.CompleteAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // Dropped by the client.
        }
        finally
        {
            await stdin.CompleteAsync().ConfigureAwait(false);
            closed.TrySetResult();
        }
    }

    private static async Task ReadControlAsync(ExecSockets sockets)
    {
        var finished = sockets.Finished.Task;
        var connected = await Task.WhenAny(sockets.Control.Task, finished).ConfigureAwait(false);
        if (connected == finished)
        {
            return;
        }

        var control = await sockets.Control.Task.ConfigureAwait(false);
        var buffer = new byte[4096];
        while (!finished.IsCompleted)
        {
            try
            {
                var received = await control.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Text && Signal(buffer.AsSpan(0, received.Count)) is { } signal)
                {
                    sockets.Session.Signal(signal);
                }
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
            {
                // Lost abnormally while the process runs: Pebble kills it.
                if (!finished.IsCompleted)
                {
                    sockets.Session.Kill();
                }

                return;
            }
        }
    }

    private static async Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> output)
    {
        for (var offset = 0; offset < output.Length; offset += ChunkSize)
        {
            var chunk = output.Slice(offset, Math.Min(ChunkSize, output.Length - offset));
            await socket.SendAsync(chunk, WebSocketMessageType.Binary, true, CancellationToken.None).ConfigureAwait(false);
        }

        await socket.SendAsync(EndMessage, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
    }

    private static ReadOnlyMemory<byte> Concat(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all);
        second.CopyTo(all.AsMemory(first.Length));
        return all;
    }

    private static string? Command(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("command", out var command) ? command.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Signal(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return root.TryGetProperty("command", out var command) && command.GetString() == "signal"
                && root.TryGetProperty("signal", out var signal) && signal.TryGetProperty("name", out var name)
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
