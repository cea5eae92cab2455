using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Reads a <c>multipart/form-data</c> body part by part without holding a part in memory: a part's body is handed out
/// as it arrives, keeping back only the few bytes that could be the start of the next boundary.
/// </summary>
internal sealed class MultipartReader
{
    private const int BufferSize = 64 * 1024;
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly Stream source;
    private readonly byte[] delimiter;
    private readonly Action onProgress;
    private readonly byte[] buffer = new byte[BufferSize];
    private int start;
    private int end;
    private bool sourceEnded;

    /// <summary>Starts reading a body.</summary>
    /// <param name="source">The body.</param>
    /// <param name="boundary">The boundary from the Content-Type.</param>
    /// <param name="onProgress">Called whenever bytes arrive.</param>
    public MultipartReader(Stream source, string boundary, Action onProgress)
    {
        this.source = source;
        this.onProgress = onProgress;
        delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        if (delimiter.Length > BufferSize / 4)
        {
            throw new FormatException($"boundary too long ({boundary.Length} characters)");
        }

        // Every boundary is "\r\n--b" except the first, which starts the body; a leading CRLF makes them all alike.
        buffer[0] = (byte)'\r';
        buffer[1] = (byte)'\n';
        end = 2;
    }

    /// <summary>Moves past the next boundary (skipping the rest of the current part, or the preamble).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when another part follows; false at the closing boundary.</returns>
    /// <exception cref="FormatException">The body ends without its closing boundary.</exception>
    public async Task<bool> NextPartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf(delimiter);
            if (at >= 0)
            {
                start += at + delimiter.Length;
                break;
            }

            start = Math.Max(start, end - (delimiter.Length - 1));
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FormatException("the multipart body ended before its closing boundary");
            }
        }

        // After the boundary: "--" closes the body; otherwise optional spaces or tabs, then CRLF, then the part.
        while (true)
        {
            if (Available.StartsWith("--"u8))
            {
                return false;
            }

            var lineEnd = Available.IndexOf("\r\n"u8);
            if (lineEnd >= 0)
            {
                if (Available[..lineEnd].Trim(" \t"u8).Length != 0)
                {
                    throw new FormatException("unexpected text after a multipart boundary");
                }

                start += lineEnd + 2;
                return true;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FormatException("the multipart body ended inside a boundary line");
            }
        }
    }

    /// <summary>Reads the current part's headers, up to the blank line.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The headers by lower-case name.</returns>
    public async Task<Dictionary<string, string>> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int headerEnd;
        while ((headerEnd = Available.IndexOf("\r\n\r\n"u8)) < 0 && !Available.StartsWith("\r\n"u8))
        {
            if (end - start > MaxHeaderBytes)
            {
                throw new FormatException("multipart part headers are too long");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FormatException("the multipart body ended inside a part's headers");
            }
        }

        if (Available.StartsWith("\r\n"u8))
        {
            start += 2; // a part without headers
            return headers;
        }

        var text = Encoding.UTF8.GetString(Available[..headerEnd]);
        start += headerEnd + 4;
        foreach (var line in text.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"malformed multipart header \"{line}\"");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    /// <summary>Reads body bytes of the current part.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count; 0 once the part's body is over (call <see cref="NextPartAsync"/> next).</returns>
    /// <exception cref="FormatException">The body ends inside the part.</exception>
    public async ValueTask<int> ReadBodyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = Available.IndexOf(delimiter);
            var safe = at >= 0 ? at : Math.Max(0, end - start - (delimiter.Length - 1));
            if (safe > 0)
            {
                var count = Math.Min(safe, destination.Length);
                buffer.AsSpan(start, count).CopyTo(destination.Span);
                start += count;
                return count;
            }

            if (at == 0)
            {
                return 0;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FormatException("the multipart body ended inside a part");
            }
        }
    }

    /// <summary>Reads the current part's whole body (for the small JSON <c>response</c> part).</summary>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body.</returns>
    public async Task<byte[]> ReadWholeBodyAsync(int limit, CancellationToken cancellationToken)
    {
        using var whole = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await ReadBodyAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            whole.Write(chunk, 0, read);
            if (whole.Length > limit)
            {
                throw new FormatException($"a multipart part is larger than the {limit} bytes expected");
            }
        }

        return whole.ToArray();
    }

    private ReadOnlySpan<byte> Available => buffer.AsSpan(start, end - start);

    // Reads more of the body after what is buffered; false at its end.
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (sourceEnded)
        {
            return false;
        }

        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            throw new FormatException("a multipart line is longer than the read buffer");
        }

        var read = await source.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            sourceEnded = true;
            return false;
        }

        end += read;
        onProgress();
        return true;
    }
}
