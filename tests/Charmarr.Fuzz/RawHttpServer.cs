using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Charmarr.Fuzz;

/// <summary>What the raw server does after writing its answer.</summary>
public enum RawAnswerMode
{
    /// <summary>Writes the whole answer and closes the connection.</summary>
    WriteAndClose,

    /// <summary>Writes the answer and then stays silent with the connection open (until the client gives up).</summary>
    WriteAndStall,

    /// <summary>Reads the request and never writes anything, the connection open.</summary>
    Silent,

    /// <summary>Writes the answer one byte at a time, <see cref="RawHttpServer.TrickleInterval"/> apart, then closes.</summary>
    Trickle,
}

/// <summary>
/// A tiny HTTP/1.1 server on a real socket (unix or loopback TCP) that answers every request with the bytes it is
/// given, whatever they are: mutated or garbage HTTP for the fuzz targets and the fault matrix. It reads each request's
/// headers and Content-Length body (chunked bodies to their last chunk), writes <see cref="Answer"/>, then closes,
/// stalls or says nothing, as <see cref="Mode"/> says.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly Socket listener;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Socket> held = [];
    private int requests;

    private RawHttpServer(Socket listener, string? socketPath)
    {
        this.listener = listener;
        SocketPath = socketPath;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The unix socket's path (unix servers only).</summary>
    public string? SocketPath { get; }

    /// <summary>The loopback URL (TCP servers only).</summary>
    public Uri? BaseUrl => listener.LocalEndPoint is IPEndPoint ip ? new Uri($"http://127.0.0.1:{ip.Port}") : null;

    /// <summary>The bytes written in answer to every request.</summary>
    public byte[] Answer { get; set; } = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    /// <summary>What happens after the answer.</summary>
    public RawAnswerMode Mode { get; set; } = RawAnswerMode.WriteAndClose;

    /// <summary>When set, the answer to the first request only (written whole, then closed): a server that is healthy
    /// for the first call and faulty after.</summary>
    public byte[]? FirstAnswer { get; set; }

    /// <summary>The pause between bytes in <see cref="RawAnswerMode.Trickle"/>.</summary>
    public TimeSpan TrickleInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How many requests have been read.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Starts a server on a new unix socket at <paramref name="path"/>.</summary>
    /// <param name="path">The socket's path (its directory must exist).</param>
    /// <returns>The server.</returns>
    public static RawHttpServer StartUnix(string path)
    {
        File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(64);
        return new RawHttpServer(socket, path);
    }

    /// <summary>Starts a server on a free loopback TCP port.</summary>
    /// <returns>The server.</returns>
    public static RawHttpServer StartTcp()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(64);
        return new RawHttpServer(socket, null);
    }

    /// <summary>An answer built from a status line, headers and a body (Content-Length added unless given).</summary>
    /// <param name="status">E.g. <c>200 OK</c>.</param>
    /// <param name="body">The body.</param>
    /// <param name="contentType">The Content-Type.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Http(string status, string body, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stop.Cancel();
        listener.Dispose();
        lock (held)
        {
            foreach (var socket in held)
            {
                socket.Dispose();
            }

            held.Clear();
        }

        if (SocketPath is not null)
        {
            File.Delete(SocketPath);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        var keep = false;
        try
        {
            await ReadRequestAsync(connection).ConfigureAwait(false);
            var first = Interlocked.Increment(ref requests) == 1 && FirstAnswer is not null;
            var mode = first ? RawAnswerMode.WriteAndClose : Mode;
            if (mode == RawAnswerMode.Trickle)
            {
                foreach (var b in Answer)
                {
                    await connection.SendAsync(new[] { b }, SocketFlags.None, stop.Token).ConfigureAwait(false);
                    await Task.Delay(TrickleInterval, stop.Token).ConfigureAwait(false);
                }

                mode = RawAnswerMode.WriteAndClose;
            }
            else if (mode != RawAnswerMode.Silent)
            {
                await connection.SendAsync(first ? FirstAnswer! : Answer, SocketFlags.None, stop.Token).ConfigureAwait(false);
            }

            if (mode != RawAnswerMode.WriteAndClose)
            {
                keep = true;
                lock (held)
                {
                    held.Add(connection);
                }
            }
            else
            {
                connection.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            if (!keep)
            {
                connection.Dispose();
            }
        }
    }

    private async Task ReadRequestAsync(Socket connection)
    {
        var buffer = new byte[8192];
        var received = new List<byte>();
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var n = await connection.ReceiveAsync(buffer, SocketFlags.None, stop.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        var headers = Encoding.ASCII.GetString([.. received.Take(headerEnd)]);
        var body = received.Count - headerEnd - 4;
        var length = ContentLength(headers);
        var chunked = headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase);
        while (chunked ? IndexOf(received, "0\r\n\r\n"u8, last: true) < headerEnd : body < length)
        {
            var n = await connection.ReceiveAsync(buffer, SocketFlags.None, stop.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, n));
            body += n;
        }
    }

    private static long ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase) && long.TryParse(line.AsSpan(15).Trim(), out var length))
            {
                return length;
            }
        }

        return 0;
    }

    private static int IndexOf(List<byte> haystack, ReadOnlySpan<byte> needle, bool last = false)
    {
        var count = haystack.Count - needle.Length + 1;
        for (var k = 0; k < count; k++)
        {
            var i = last ? count - 1 - k : k;
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = haystack[i + j] == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
