using System.Collections.Concurrent;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>Faults a test queues for the next request to an endpoint: an error response, or a connection cut mid-transfer.</summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentDictionary<(string Method, string Path), ConcurrentQueue<Fault>> faults = new();

    public void Add(string method, string path, Fault fault) =>
        faults.GetOrAdd((method.ToUpperInvariant(), path), _ => new ConcurrentQueue<Fault>()).Enqueue(fault);

    public Fault? Take(string method, string path) =>
        faults.TryGetValue((method, path), out var queue) && queue.TryDequeue(out var fault) ? fault : null;
}

/// <summary>One queued fault.</summary>
internal abstract record Fault;

/// <summary>Answer with this error envelope instead of handling the request.</summary>
internal sealed record ErrorFault(int StatusCode, string Message, string? Kind) : Fault;

/// <summary>Close the connection after this many bytes of the response body (0: before reading the request body).</summary>
internal sealed record AbortFault(long AfterResponseBytes) : Fault;

/// <summary>A response body that aborts the connection once the byte budget is spent.</summary>
internal sealed class AbortingStream(Stream inner, long budget, Action abort) : Stream
{
    private static readonly TimeSpan TransportDrain = TimeSpan.FromMilliseconds(200);

    private long remaining = budget;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length <= remaining)
        {
            remaining -= buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        await inner.WriteAsync(buffer[..(int)remaining], cancellationToken).ConfigureAwait(false);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        remaining = 0;

        // Let the transport send the headers and the bytes so far: a connection closed before the client saw any
        // response would be retried by HttpClient on a fresh connection, and the fault would be lost.
        await Task.Delay(TransportDrain, CancellationToken.None).ConfigureAwait(false);
        abort();
        throw new OperationCanceledException("connection closed by fault injection");
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
