using System.Buffers;
using System.Net;
using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// The multipart body of a push, written exactly as ops writes it (32 hex-digit boundary, quoted in the
/// Content-Type; a <c>request</c> part with the JSON metadata, then one <c>files</c> part) and streamed: the
/// caller's stream is copied chunk by chunk with chunked transfer encoding, never held in memory as a whole.
/// </summary>
internal sealed class MultipartPushContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly byte[] preamble;
    private readonly byte[] epilogue;
    private readonly Stream source;
    private readonly CallWatchdog watchdog;

    /// <summary>Prepares the body.</summary>
    /// <param name="metadataJson">The <c>request</c> part's JSON.</param>
    /// <param name="path">The file's path (the <c>filename</c> of its part).</param>
    /// <param name="source">The content, read once to its end.</param>
    /// <param name="watchdog">Kicked after every chunk, so the time limit applies to stalls, not to the whole transfer.</param>
    /// <remarks>The boundary only has to be unlikely to occur in the file: a GUID's 122 random bits do, without loading
    /// OpenSSL (which <c>RandomNumberGenerator</c> does on Linux, adding megabytes and milliseconds to a hook).</remarks>
    public MultipartPushContent(string metadataJson, string path, Stream source, CallWatchdog watchdog)
        : this(Guid.NewGuid().ToString("N"), metadataJson, path, source, watchdog)
    {
    }

    /// <summary>Prepares the body with a given boundary (tests pin it).</summary>
    /// <param name="boundary">The boundary.</param>
    /// <param name="metadataJson">The <c>request</c> part's JSON.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="source">The content.</param>
    /// <param name="watchdog">Kicked after every chunk.</param>
    internal MultipartPushContent(string boundary, string metadataJson, string path, Stream source, CallWatchdog watchdog)
    {
        this.source = source;
        this.watchdog = watchdog;
        var escapedPath = path.Replace("\"", "\\\"", StringComparison.Ordinal);
        preamble = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\n" +
            "Content-Type: application/json\r\n" +
            "Content-Disposition: form-data; name=\"request\"\r\n" +
            "\r\n" +
            $"{metadataJson}\r\n" +
            $"--{boundary}\r\n" +
            "Content-Type: application/octet-stream\r\n" +
            $"Content-Disposition: form-data; name=\"files\"; filename=\"{escapedPath}\"\r\n" +
            "\r\n");
        epilogue = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary=\"{boundary}\"");
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(preamble, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                watchdog.Kick();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await stream.WriteAsync(epilogue, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
