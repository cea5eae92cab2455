using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Charmarr.Ops.Tests.Pebble.Server;

/// <summary>
/// A raw HTTP/1.1 server on a unix socket that records every request's exact bytes and answers with canned replies:
/// enough of Pebble's wire to pin down what the client sends and how it reads each kind of answer.
/// </summary>
internal sealed class FakePebbleServer : IAsyncDisposable
{
    private const int KeptBodyBytes = 1024 * 1024;

    private readonly Socket listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Reply> queued = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Task accepting;

    public FakePebbleServer()
    {
        SocketPath = $"/tmp/pb-{Guid.NewGuid().ToString("N")[..10]}.sock";
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(16);
        accepting = AcceptAsync();
    }

    public string SocketPath { get; }

    /// <summary>Answers each request; by default the queued replies in order.</summary>
    public Func<RecordedRequest, Reply> Handler { get; set; } = _ => throw new InvalidOperationException("no reply queued");

    /// <summary>Drops the connection of a request as soon as its headers have arrived, before reading its body (a Pebble
    /// dying mid-upload); the request is recorded with an empty body.</summary>
    public Func<string, bool> DropBeforeBody { get; set; } = _ => false;

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToList();

    /// <summary>Queues replies, answered in order (when no handler is set).</summary>
    public FakePebbleServer Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            queued.Enqueue(reply);
        }

        Handler = _ => queued.TryDequeue(out var next) ? next : throw new InvalidOperationException("no reply queued");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        await Task.WhenAll(connections.Append(accepting)).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
        File.Delete(SocketPath);
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
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var reader = new WireReader(stream);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(reader);
                if (request is null)
                {
                    return;
                }

                requests.Enqueue(request);
                var reply = Handler(request);
                await reply.WriteAsync(stream, request, stopping.Token);
                await stream.FlushAsync(stopping.Token);
                if (!reply.KeepAlive)
                {
                    client.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
        {
            // The client went away, or the test is over.
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(WireReader reader)
    {
        var requestLine = await reader.ReadLineAsync(stopping.Token);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = new List<(string, string)>();
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(stopping.Token)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon], line[(colon + 1)..].Trim()));
        }

        if (DropBeforeBody(parts[1]))
        {
            requests.Enqueue(new RecordedRequest(parts[0], parts[1], headers, [], 0, string.Empty));
            throw new IOException("dropping the connection before the body, as asked");
        }

        var kept = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        void Take(ReadOnlySpan<byte> data)
        {
            hash.AppendData(data);
            length += data.Length;
            if (kept.Length < KeptBodyBytes)
            {
                kept.Write(data[..Math.Min(data.Length, KeptBodyBytes - (int)kept.Length)]);
            }
        }

        var contentLength = headers.FirstOrDefault(h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Item2;
        var chunked = headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        if (chunked)
        {
            while (true)
            {
                var size = int.Parse((await reader.ReadLineAsync(stopping.Token))!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stopping.Token)))
                    {
                    }

                    break;
                }

                await reader.ReadExactlyAsync(size, Take, stopping.Token);
                await reader.ReadLineAsync(stopping.Token);
            }
        }
        else if (contentLength is not null)
        {
            await reader.ReadExactlyAsync(long.Parse(contentLength, CultureInfo.InvariantCulture), Take, stopping.Token);
        }

        return new RecordedRequest(parts[0], parts[1], headers, length <= KeptBodyBytes ? kept.ToArray() : [], length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Buffered reads of CRLF lines and counted bodies off the connection.</summary>
    private sealed class WireReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (start == end && !await FillAsync(cancellationToken))
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                var at = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                var stop = at < 0 ? end : at;
                line.Append(Encoding.Latin1.GetString(buffer, start, stop - start));
                start = at < 0 ? end : at + 1;
                if (at >= 0)
                {
                    return line.ToString().TrimEnd('\r');
                }
            }
        }

        public async Task ReadExactlyAsync(long count, Action<ReadOnlySpan<byte>> take, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                if (start == end && !await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException();
                }

                var n = (int)Math.Min(count, end - start);
                take(buffer.AsSpan(start, n));
                start += n;
                count -= n;
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            start = 0;
            end = await stream.ReadAsync(buffer, cancellationToken);
            return end > 0;
        }
    }
}
