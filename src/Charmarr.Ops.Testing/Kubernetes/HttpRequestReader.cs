using System.Globalization;
using System.Text;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>Reads HTTP/1.1 requests off a connection, one after another: request line, headers, and a body sized by <c>Content-Length</c> or sent chunked.</summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxLine = 16 * 1024;
    private const int MaxHeaders = 100;
    private const int MaxBody = 16 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[MaxLine];
    private int _start;
    private int _end;

    /// <summary>Reads the next request.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The request, or <see langword="null"/> when the client closed the connection between requests.</returns>
    /// <exception cref="FormatException">The request is not HTTP/1.x the reader understands.</exception>
    public async Task<HttpRequestHead?> ReadAsync(CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = await ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }
        }
        while (line.Length == 0);

        var parts = line.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new FormatException($"Not an HTTP/1.x request line: {line}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while ((line = await ReadLineAsync(cancellationToken) ?? throw new FormatException("Connection closed in the headers.")).Length > 0)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headers.Count >= MaxHeaders)
            {
                throw new FormatException($"Bad header line: {line}");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        var body = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken)
            : headers.TryGetValue("Content-Length", out var length)
                ? await ReadBytesAsync(ParseLength(length, NumberStyles.None), cancellationToken)
                : [];
        var keepAlive = !(headers.TryGetValue("Connection", out var connection) && connection.Contains("close", StringComparison.OrdinalIgnoreCase))
            && parts[2] != "HTTP/1.0";
        return new HttpRequestHead(parts[0], parts[1], headers, body, keepAlive);
    }

    private static int ParseLength(string text, NumberStyles style) =>
        int.TryParse(text, style, CultureInfo.InvariantCulture, out var length) && length is >= 0 and <= MaxBody
            ? length
            : throw new FormatException($"Bad length: {text}");

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new FormatException("Connection closed in a chunked body.");
            var size = ParseLength(sizeLine.Split(';')[0].Trim(), NumberStyles.AllowHexSpecifier);
            if (size == 0)
            {
                while ((await ReadLineAsync(cancellationToken) ?? string.Empty).Length > 0)
                {
                    // Trailer fields are ignored.
                }

                return body.ToArray();
            }

            body.Write(await ReadBytesAsync(size, cancellationToken));
            if (body.Length > MaxBody || await ReadLineAsync(cancellationToken) is not { Length: 0 })
            {
                throw new FormatException("Bad chunked body.");
            }
        }
    }

    private async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var buffered = Math.Min(count, _end - _start);
        Array.Copy(_buffer, _start, result, 0, buffered);
        _start += buffered;
        if (buffered < count)
        {
            await stream.ReadExactlyAsync(result.AsMemory(buffered), cancellationToken);
        }

        return result;
    }

    /// <summary>A line without its CRLF, or <see langword="null"/> at the end of the stream before any byte of it.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new FormatException("Line too long.");
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return _end == 0 ? null : throw new FormatException("Connection closed in a line.");
            }

            _end += read;
        }
    }
}

/// <summary>A request as read off the connection.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Headers">The headers, by case-insensitive name.</param>
/// <param name="Body">The body's bytes.</param>
/// <param name="KeepAlive">Whether the connection stays open after the response.</param>
internal sealed record HttpRequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool KeepAlive)
{
    /// <summary>The request as the simulator takes it.</summary>
    /// <returns>The request.</returns>
    public SimulatedRequest ToSimulated()
    {
        var question = Target.IndexOf('?', StringComparison.Ordinal);
        return new SimulatedRequest(
            Method,
            question < 0 ? Target : Target[..question],
            question < 0 ? null : Target[(question + 1)..],
            Headers.GetValueOrDefault("Content-Type"),
            Body.Length == 0 ? null : Encoding.UTF8.GetString(Body));
    }
}
