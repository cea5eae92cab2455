using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Pebble's JSON response envelope (<c>type</c>, <c>status-code</c>, <c>status</c>, <c>change</c>, <c>result</c>).
/// Reading one turns an error envelope into a <see cref="PebbleApiException"/> and anything unreadable into a
/// <see cref="PebbleProtocolException"/>.
/// </summary>
internal sealed class PebbleEnvelope : IDisposable
{
    private const int MaxShownBody = 300;

    private readonly JsonDocument document;

    private PebbleEnvelope(JsonDocument document)
    {
        this.document = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the body is JSON {root.ValueKind}, not an object");
        }

        Type = !root.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null ? string.Empty
            : type.ValueKind == JsonValueKind.String ? type.GetString() ?? string.Empty
            : throw new FormatException($"\"type\" is JSON {type.ValueKind}, not a string");
        Change = root.TryGetProperty("change", out var change) && change.ValueKind == JsonValueKind.String ? change.GetString() : null;
        Result = root.TryGetProperty("result", out var result) ? result : null;
    }

    /// <summary>The envelope type: <c>sync</c>, <c>async</c> or <c>error</c>.</summary>
    public string Type { get; }

    /// <summary>The change id of an async response.</summary>
    public string? Change { get; }

    /// <summary>The result; null when the key is absent (JSON null is an element of kind Null).</summary>
    public JsonElement? Result { get; }

    /// <summary>The result, which must be present.</summary>
    public JsonElement RequiredResult => Result ?? throw new FormatException("the response has no \"result\"");

    /// <summary>Reads the envelope of a response.</summary>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="response">The response.</param>
    /// <param name="watchdog">The call's clock.</param>
    /// <param name="limit">The most bytes of JSON read into memory.</param>
    /// <returns>The envelope of a successful response.</returns>
    /// <exception cref="PebbleApiException">Pebble answered with an error.</exception>
    /// <exception cref="PebbleProtocolException">The body is not a JSON envelope, or is larger than <paramref name="limit"/>.</exception>
    public static async Task<PebbleEnvelope> ReadAsync(string operation, HttpResponseMessage response, CallWatchdog watchdog, long limit)
    {
        var failed = (int)response.StatusCode >= 400;
        if (!failed)
        {
            EnsureContentType(operation, response.Content.Headers.ContentType, "application/json");
        }

        var body = await ReadBoundedAsync(operation, response.Content, limit, watchdog).ConfigureAwait(false);
        PebbleEnvelope envelope;
        try
        {
            envelope = Parse(body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            if (failed)
            {
                throw ApiError(operation, response, kind: null, $"the error body is not Pebble's JSON envelope ({e.Message}): {Shown(body)}");
            }

            throw new PebbleProtocolException(operation, $"the response is not Pebble's JSON envelope ({e.Message}): {Shown(body)}", e);
        }

        // Pebble answers a failing health query with 502 and a sync envelope: that is a result, not an error.
        if (failed && envelope.Type != "sync")
        {
            using (envelope)
            {
                throw envelope.ToApiError(operation, response);
            }
        }

        return envelope;
    }

    /// <summary>Parses an envelope, decoding every key and string at once so that text which is not valid UTF-16 (an
    /// escaped lone surrogate) fails here rather than wherever a value is first read.</summary>
    /// <exception cref="JsonException">Not JSON, or nested deeper than the reader's default 64 levels.</exception>
    /// <exception cref="FormatException">JSON, but not an envelope.</exception>
    /// <exception cref="InvalidOperationException">A key or string does not decode to valid UTF-16.</exception>
    private static PebbleEnvelope Parse(byte[] body)
    {
        var document = JsonDocument.Parse(body);
        try
        {
            DecodeAll(document.RootElement);
            return new PebbleEnvelope(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // The recursion is bounded by the depth JsonDocument.Parse accepted.
    private static void DecodeAll(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    DecodeAll(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    DecodeAll(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }

    /// <summary>Reads a whole body into memory, refusing more than <paramref name="limit"/> bytes.</summary>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="content">The body.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="watchdog">The call's clock, restarted as bytes arrive.</param>
    /// <returns>The body.</returns>
    /// <exception cref="PebbleProtocolException">The body is larger than the limit.</exception>
    public static async Task<byte[]> ReadBoundedAsync(string operation, HttpContent content, long limit, CallWatchdog watchdog)
    {
        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(operation, limit, $"{declared} bytes declared");
        }

        var stream = await content.ReadAsStreamAsync(watchdog.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, watchdog.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(operation, limit, "more sent");
                }

                buffer.Write(chunk, 0, read);
                watchdog.Kick();
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The error for an answer larger than the client accepts.</summary>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="limit">The limit.</param>
    /// <param name="detail">What was seen.</param>
    /// <returns>The exception.</returns>
    public static PebbleProtocolException TooLarge(string operation, long limit, string detail) =>
        new(operation, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Pebble's answer is larger than the {limit} bytes this client reads into memory ({detail}; see PebbleClient.MaxResponseBytes)"), null);

    /// <summary>Checks a response's media type as ops does.</summary>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <param name="expected">The media type expected.</param>
    /// <exception cref="PebbleProtocolException">It is another type.</exception>
    public static void EnsureContentType(string operation, MediaTypeHeaderValue? contentType, string expected)
    {
        var actual = contentType?.MediaType ?? string.Empty;
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new PebbleProtocolException(operation, $"expected Content-Type '{expected}', got '{actual}'", null);
        }
    }

    /// <summary>Converts the result into a value, turning a result of an unexpected shape into a protocol error.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="operation">The operation, for errors.</param>
    /// <param name="read">Reads the value.</param>
    /// <returns>The value.</returns>
    public T Read<T>(string operation, Func<PebbleEnvelope, T> read)
    {
        try
        {
            return read(this);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or JsonException or ArgumentException or OverflowException)
        {
            throw new PebbleProtocolException(operation, $"unexpected response from Pebble ({e.Message}): {Shown(document.RootElement.GetRawText())}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => document.Dispose();

    private PebbleApiException ToApiError(string operation, HttpResponseMessage response)
    {
        string? kind = null;
        var message = string.Empty;
        if (Result is { ValueKind: JsonValueKind.Object } result)
        {
            kind = result.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
        }

        return ApiError(operation, response, string.IsNullOrEmpty(kind) ? null : kind, message);
    }

    private static PebbleApiException ApiError(string operation, HttpResponseMessage response, string? kind, string message) =>
        new(operation, (int)response.StatusCode, response.ReasonPhrase ?? response.StatusCode.ToString(), kind, message);

    private static string Shown(byte[] body) => Shown(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxShownBody * 4)));

    private static string Shown(string text) => text.Length > MaxShownBody ? text[..MaxShownBody] + "…" : text;
}
