using System.Net.WebSockets;
using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// A command's output read from an exec websocket (<c>stdio</c> or <c>stderr</c>): binary messages are the bytes,
/// the text message <c>{"command":"end"}</c> is end-of-file.
/// </summary>
internal sealed class WebSocketOutputStream : ReadOnlyStreamBase
{
    private readonly WebSocket socket;
    private readonly Func<Exception, Exception?> translate;
    private readonly MemoryStream text = new();
    private bool ended;

    /// <summary>Reads from a websocket.</summary>
    /// <param name="socket">The websocket.</param>
    /// <param name="translate">Turns a transport failure into the exception to throw (null: not a transport failure).</param>
    public WebSocketOutputStream(WebSocket socket, Func<Exception, Exception?> translate)
    {
        this.socket = socket;
        this.translate = translate;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!ended && !buffer.IsEmpty)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && translate(e) is { } translated)
            {
                throw translated;
            }

            switch (result.MessageType)
            {
                case WebSocketMessageType.Binary when result.Count > 0:
                    return result.Count;
                case WebSocketMessageType.Close:
                    ended = true;
                    break;
                case WebSocketMessageType.Text:
                    // Text messages are commands, not output; the buffer only lent them space.
                    text.Write(buffer.Span[..result.Count]);
                    if (result.EndOfMessage)
                    {
                        ended = IsEnd(text.ToArray());
                        text.SetLength(0);
                    }

                    break;
            }
        }

        return 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            text.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsEnd(byte[] message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("command", out var command)
                && command.ValueKind == JsonValueKind.String
                && command.GetString() == "end";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
