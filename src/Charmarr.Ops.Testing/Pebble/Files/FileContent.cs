namespace Charmarr.Ops.Testing.Pebble.Files;

/// <summary>
/// The bytes of one simulated file, held once in 1 MiB chunks so that large files (≥ 64 MiB) are stored without a
/// contiguous buffer and streamed in and out. Immutable: a write replaces the whole content, as Pebble's atomic write does.
/// </summary>
internal sealed class FileContent
{
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> chunks;

    private FileContent(List<byte[]> chunks, long length)
    {
        this.chunks = chunks;
        Length = length;
    }

    public static FileContent Empty { get; } = new([], 0);

    public long Length { get; }

    public static FileContent FromBytes(ReadOnlySpan<byte> bytes)
    {
        var chunks = new List<byte[]>();
        for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
        {
            chunks.Add(bytes.Slice(offset, Math.Min(ChunkSize, bytes.Length - offset)).ToArray());
        }

        return new FileContent(chunks, bytes.Length);
    }

    /// <summary>Reads a stream to its end into chunks (each byte copied once).</summary>
    public static async Task<FileContent> ReadFromAsync(Stream source, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        long length = 0;
        while (true)
        {
            var chunk = new byte[ChunkSize];
            var filled = 0;
            int read;
            while (filled < ChunkSize && (read = await source.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (filled == 0)
            {
                break;
            }

            if (filled < ChunkSize)
            {
                Array.Resize(ref chunk, filled);
            }

            chunks.Add(chunk);
            length += filled;
            if (filled < ChunkSize)
            {
                break;
            }
        }

        return new FileContent(chunks, length);
    }

    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            await destination.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(bytes, offset);
            offset += chunk.Length;
        }

        return bytes;
    }

    /// <summary>A read-only stream over the content.</summary>
    public Stream OpenRead() => new ChunkStream(chunks, Length);

    private sealed class ChunkStream(List<byte[]> chunks, long length) : Stream
    {
        private int chunk;
        private int offset;
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = 0;
            while (buffer.Length > 0 && chunk < chunks.Count)
            {
                var source = chunks[chunk].AsSpan(offset);
                var n = Math.Min(source.Length, buffer.Length);
                source[..n].CopyTo(buffer);
                buffer = buffer[n..];
                total += n;
                offset += n;
                if (offset == chunks[chunk].Length)
                {
                    chunk++;
                    offset = 0;
                }
            }

            position += total;
            return total;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
