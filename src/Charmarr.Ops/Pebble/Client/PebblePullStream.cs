using System.Net.Http.Headers;
using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// A pulled file, read straight off Pebble's multipart response. Pebble sends the file's part first and the JSON
/// <c>response</c> part after it, so the stream hands out the file's bytes as they arrive and, at their end, reads
/// and checks the trailing response before reporting end-of-file.
/// </summary>
internal sealed class PebblePullStream : ReadOnlyStreamBase
{
    private const int MaxResponsePartBytes = 1024 * 1024;

    private readonly Exchange exchange;
    private readonly MultipartReader reader;
    private bool finished;

    private PebblePullStream(Exchange exchange, MultipartReader reader)
    {
        this.exchange = exchange;
        this.reader = reader;
    }

    /// <summary>Checks the response's type and reads up to the file's bytes. A response whose first part is the JSON
    /// <c>response</c> carries no file: its per-path error is thrown.</summary>
    /// <param name="exchange">The pull's response; the stream owns it from here (disposed on failure too).</param>
    /// <returns>The stream, positioned at the file's first byte.</returns>
    /// <exception cref="PebblePathException">Pebble could not read the file.</exception>
    /// <exception cref="PebbleProtocolException">The response is not the multipart layout Pebble sends.</exception>
    public static async Task<PebblePullStream> OpenAsync(Exchange exchange)
    {
        var stream = (PebblePullStream?)null;
        try
        {
            var contentType = exchange.Response.Content.Headers.ContentType;
            PebbleEnvelope.EnsureContentType(exchange.Operation, contentType, "multipart/form-data");
            var boundary = Boundary(contentType);
            if (string.IsNullOrEmpty(boundary))
            {
                throw new PebbleProtocolException(exchange.Operation, $"invalid boundary '{boundary}'", null);
            }

            var token = exchange.Watchdog.Token;
            var body = await exchange.Response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            stream = new PebblePullStream(exchange, new MultipartReader(body, boundary, exchange.Watchdog.Kick));
            await stream.Guard(() => stream.ReadFirstPartAsync(token), CancellationToken.None).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                exchange.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (finished || buffer.IsEmpty)
        {
            return 0;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(exchange.Watchdog.Token, cancellationToken);
        return await Guard(() => ReadFileAsync(buffer, linked.Token), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            exchange.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string? Boundary(MediaTypeHeaderValue? contentType)
    {
        var value = contentType?.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value;
        return value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
    }

    private async Task<bool> ReadFirstPartAsync(CancellationToken token)
    {
        if (!await reader.NextPartAsync(token).ConfigureAwait(false))
        {
            throw Protocol("no parts in the multipart body");
        }

        var (name, filename) = await PartAsync(token).ConfigureAwait(false);
        if (name == "response")
        {
            await ReadResponsePartAsync(token).ConfigureAwait(false);
            throw Protocol("no file content in multipart response");
        }

        return filename == exchange.Path ? true : throw Protocol($"path not expected: '{filename}'");
    }

    private async Task<int> ReadFileAsync(Memory<byte> buffer, CancellationToken token)
    {
        var read = await reader.ReadBodyAsync(buffer, token).ConfigureAwait(false);
        if (read > 0)
        {
            return read;
        }

        if (!await reader.NextPartAsync(token).ConfigureAwait(false))
        {
            throw Protocol("no \"response\" field in multipart body");
        }

        var (name, _) = await PartAsync(token).ConfigureAwait(false);
        if (name != "response")
        {
            throw Protocol("single file request resulted in a multi-file response");
        }

        await ReadResponsePartAsync(token).ConfigureAwait(false);
        finished = true;
        return 0;
    }

    private async Task<(string Name, string? Filename)> PartAsync(CancellationToken token)
    {
        var headers = await reader.ReadHeadersAsync(token).ConfigureAwait(false);
        if (!headers.TryGetValue("Content-Disposition", out var disposition)
            || !ContentDispositionHeaderValue.TryParse(disposition, out var parsed)
            || !string.Equals(parsed.DispositionType, "form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw Protocol($"unexpected content disposition: '{disposition}'");
        }

        var name = Unquote(parsed.Name);
        if (name == "files")
        {
            return (name, Unquote(parsed.FileName) ?? throw Protocol("multipart \"files\" part missing filename"));
        }

        return name == "response" ? (name, null) : throw Protocol($"unexpected name in content-disposition header: '{name}'");
    }

    private async Task ReadResponsePartAsync(CancellationToken token)
    {
        var body = await reader.ReadWholeBodyAsync(MaxResponsePartBytes, token).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new PebbleProtocolException(exchange.Operation, $"the multipart \"response\" part is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var result = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("result", out var r) ? r : (JsonElement?)null;
            PebbleClient.ThrowOnPathError(exchange.Operation, exchange.Path, result);
        }
    }

    // Translates what reading the body can raise: a transport failure, or a malformed multipart layout.
    private async Task<T> Guard<T>(Func<Task<T>> read, CancellationToken callerToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new PebbleProtocolException(exchange.Operation, e.Message, e);
        }
        catch (Exception e) when (!callerToken.IsCancellationRequested && PebbleTransport.IsFailure(e, exchange.Watchdog))
        {
            throw exchange.Transport.Failure(exchange.Operation, e, exchange.Watchdog);
        }
    }

    private PebbleProtocolException Protocol(string message) => new(exchange.Operation, message, null);

    private static string? Unquote(string? value) =>
        value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    /// <summary>The pull the stream reads: its operation and path, the response, and the call's clock and transport.</summary>
    /// <param name="Operation">The operation, for errors.</param>
    /// <param name="Path">The path pulled.</param>
    /// <param name="Response">The multipart response.</param>
    /// <param name="Watchdog">The call's clock, kicked as bytes arrive.</param>
    /// <param name="Transport">Translates transport failures.</param>
    internal sealed record Exchange(string Operation, string Path, HttpResponseMessage Response, CallWatchdog Watchdog, PebbleTransport Transport) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            Response.Dispose();
            Watchdog.Dispose();
        }
    }
}
