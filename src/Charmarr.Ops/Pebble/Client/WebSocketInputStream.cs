using System.Net.WebSockets;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// A command's standard input written to the exec <c>stdio</c> websocket: each write goes out as binary messages, and
/// closing sends the text message <c>{"command":"end"}</c>, which Pebble turns into end-of-file. One writer at a time.
/// </summary>
internal sealed class WebSocketInputStream : Stream
{
    private const int MaxMessageBytes = 64 * 1024;
    private static readonly byte[] EndMessage = Encoding.UTF8.GetBytes("{\"command\":\"end\"}");

    private readonly WebSocket socket;
    private readonly Func<Exception, Exception?> translate;
    private readonly SemaphoreSlim sending = new(1, 1);
    private bool ended;

    /// <summary>Writes to a websocket.</summary>
    /// <param name="socket">The websocket.</param>
    /// <param name="translate">Turns a transport failure into the exception to throw (null: not a transport failure).</param>
    public WebSocketInputStream(WebSocket socket, Func<Exception, Exception?> translate)
    {
        this.socket = socket;
        this.translate = translate;
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !ended;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(ended, this);
            for (var offset = 0; offset < buffer.Length; offset += MaxMessageBytes)
            {
                var chunk = buffer.Slice(offset, Math.Min(MaxMessageBytes, buffer.Length - offset));
                await SendAsync(chunk, WebSocketMessageType.Binary, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            sending.Release();
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Sends end-of-file, once; later calls do nothing.</summary>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when sent.</returns>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (ended)
        {
            return;
        }

        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ended)
            {
                return;
            }

            ended = true;
            await SendAsync(EndMessage, WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Closing the input sends end-of-file (best effort: the command may already be gone).</summary>
    /// <returns>A task that completes when closed.</returns>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await EndAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PebbleException or WebSocketException or ObjectDisposedException or IOException)
        {
            // Nothing is listening any more; there is no one to tell.
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sending.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(message, type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && translate(e) is { } translated)
        {
            throw translated;
        }
    }
}
