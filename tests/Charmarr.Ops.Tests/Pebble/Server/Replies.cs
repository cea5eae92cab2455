using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Charmarr.Ops.Tests.Pebble.Server;

/// <summary>What the fake server sends back for one request.</summary>
internal abstract record Reply
{
    /// <summary>False when the connection must close after this reply.</summary>
    public virtual bool KeepAlive => true;

    public abstract Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken);

    public static string Reason(int status) => status switch
    {
        101 => "Switching Protocols",
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        504 => "Gateway Timeout",
        _ => "Unknown",
    };

    protected static Task WriteTextAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();
}

/// <summary>A complete body with Content-Length (JSON envelopes, canned multipart, plain text).</summary>
internal sealed record BodyReply(int Status, byte[] Body, string ContentType = "application/json") : Reply
{
    public BodyReply(int status, string body, string contentType = "application/json")
        : this(status, Encoding.UTF8.GetBytes(body), contentType)
    {
    }

    public override async Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        await WriteTextAsync(stream, $"HTTP/1.1 {Status} {Reason(Status)}\r\nContent-Type: {ContentType}\r\nContent-Length: {Body.Length}\r\n\r\n", cancellationToken);
        await stream.WriteAsync(Body, cancellationToken);
    }
}

/// <summary>A body written piece by piece with chunked transfer encoding (large files, log streams).</summary>
internal sealed record StreamingReply(int Status, string ContentType, Func<Func<ReadOnlyMemory<byte>, Task>, Task> WriteBody) : Reply
{
    public override async Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        await WriteTextAsync(stream, $"HTTP/1.1 {Status} {Reason(Status)}\r\nContent-Type: {ContentType}\r\nTransfer-Encoding: chunked\r\n\r\n", cancellationToken);
        await WriteBody(async chunk =>
        {
            if (chunk.Length == 0)
            {
                return;
            }

            await WriteTextAsync(stream, $"{chunk.Length:x}\r\n", cancellationToken);
            await stream.WriteAsync(chunk, cancellationToken);
            await WriteTextAsync(stream, "\r\n", cancellationToken);
            await stream.FlushAsync(cancellationToken);
        });
        await WriteTextAsync(stream, "0\r\n\r\n", cancellationToken);
    }
}

/// <summary>Sends the start of a reply and then drops the connection, as a Pebble killed mid-transfer would.</summary>
internal sealed record BrokenReply(byte[] Partial) : Reply
{
    public BrokenReply(string partial)
        : this(Encoding.UTF8.GetBytes(partial))
    {
    }

    public override bool KeepAlive => false;

    public override async Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Partial, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}

/// <summary>Never answers (until the test ends), to exercise the client's time limit.</summary>
internal sealed record SilentReply : Reply
{
    public override bool KeepAlive => false;

    public override Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);
}

/// <summary>Upgrades the connection to a websocket (RFC 6455 handshake) and runs a server-side session on it.</summary>
internal sealed record WebSocketReply(Func<WebSocket, Task> Session) : Reply
{
    public override bool KeepAlive => false;

    public override async Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        var key = request.Header("Sec-WebSocket-Key") ?? throw new InvalidOperationException("not a websocket upgrade");
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        await WriteTextAsync(stream, $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n", cancellationToken);
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        await Session(socket);
    }
}

/// <summary>Answers after a pause, as Pebble's <c>/wait</c> does when its timeout runs out.</summary>
internal sealed record DelayedReply(TimeSpan Delay, Reply Inner) : Reply
{
    public override bool KeepAlive => Inner.KeepAlive;

    public override async Task WriteAsync(Stream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        await Inner.WriteAsync(stream, request, cancellationToken);
    }
}
