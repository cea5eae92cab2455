using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Charmarr.Ops.HookTools;

/// <summary>
/// Feeds a child process's standard input and drains its standard output and error on the calling thread, with
/// <c>poll(2)</c> over the three pipes: no pipe can fill up and stall the child, and no thread-pool worker, socket-engine
/// thread or spinning wait is started for a hook tool's few bytes (.NET's asynchronous pipe reads start all three).
/// </summary>
internal static partial class PipeExchange
{
    private const short PollIn = 0x1;
    private const short PollOut = 0x4;
    private const short PollErr = 0x8;
    private const short PollHup = 0x10;
    private const short PollNval = 0x20;
    private const int Eintr = 4;

    // At most PIPE_BUF bytes per write after POLLOUT: such a write never blocks.
    private const int WriteChunk = 4096;

    /// <summary>Whether this platform can exchange through <c>poll(2)</c> (Linux; elsewhere the caller falls back).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Writes <paramref name="input"/> to the child and reads both of its outputs to their end.</summary>
    /// <param name="stdin">The child's standard input, over a pipe (closed once written; a child that exits without reading
    /// it is not an error).</param>
    /// <param name="input">What to write.</param>
    /// <param name="stdout">The child's standard output.</param>
    /// <param name="stderr">The child's standard error.</param>
    /// <returns>Everything the child wrote to each.</returns>
    /// <exception cref="IOException">poll(2) failed.</exception>
    public static (byte[] Stdout, byte[] Stderr) Run(StreamWriter stdin, ReadOnlySpan<byte> input, PipeStream stdout, PipeStream stderr)
    {
        var inputPipe = (PipeStream)stdin.BaseStream;
        var outputs = new[] { new Drain(stdout), new Drain(stderr) };
        var written = 0;
        SafeHandleRef? pending = input.Length > 0 ? new(inputPipe.SafePipeHandle) : null;
        if (pending is null)
        {
            Close(stdin);
        }

        Span<PollFd> fds = stackalloc PollFd[3];
        var buffer = new byte[16 * 1024];
        using var outRef = new SafeHandleRef(stdout.SafePipeHandle);
        using var errRef = new SafeHandleRef(stderr.SafePipeHandle);
        try
        {
            while (pending is not null || outputs[0].Open || outputs[1].Open)
            {
                var count = 0;
                if (pending is not null)
                {
                    fds[count++] = new PollFd { Fd = pending.Fd, Events = PollOut };
                }

                if (outputs[0].Open)
                {
                    fds[count++] = new PollFd { Fd = outRef.Fd, Events = PollIn };
                }

                if (outputs[1].Open)
                {
                    fds[count++] = new PollFd { Fd = errRef.Fd, Events = PollIn };
                }

                if (Poll(fds[..count]) == 0)
                {
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var ready = fds[i].Revents;
                    if (ready == 0)
                    {
                        continue;
                    }

                    if (pending is not null && fds[i].Fd == pending.Fd)
                    {
                        if (!Write(inputPipe, input, ref written, ready))
                        {
                            // Release before closing: a held reference would keep the pipe open, and the tool would
                            // wait for the end of its input for ever.
                            pending.Dispose();
                            pending = null;
                            Close(stdin);
                        }

                        continue;
                    }

                    if ((ready & (PollIn | PollHup | PollErr | PollNval)) != 0)
                    {
                        (fds[i].Fd == outRef.Fd ? outputs[0] : outputs[1]).ReadOnce(buffer);
                    }
                }
            }
        }
        finally
        {
            pending?.Dispose();
        }

        return (outputs[0].Bytes, outputs[1].Bytes);
    }

    // Returns whether more is to be written: false once everything is written or the child stopped reading.
    private static bool Write(PipeStream stdin, ReadOnlySpan<byte> input, ref int written, short ready)
    {
        if ((ready & (PollErr | PollHup | PollNval)) != 0)
        {
            return false;
        }

        try
        {
            var chunk = Math.Min(WriteChunk, input.Length - written);
            stdin.Write(input.Slice(written, chunk));
            written += chunk;
            return written < input.Length;
        }
        catch (IOException)
        {
            // The tool exited (or closed its input) without reading all of it; its exit code and stderr say why.
            return false;
        }
    }

    // Through the writer, which would otherwise flush into a closed pipe when the process is disposed.
    private static void Close(StreamWriter stdin)
    {
        try
        {
            stdin.Close();
        }
        catch (IOException)
        {
            // Broken pipe on close: as above.
        }
    }

    private static int Poll(Span<PollFd> fds)
    {
        var ready = poll(fds, (nuint)fds.Length, -1);
        if (ready >= 0)
        {
            return ready;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Eintr ? 0 : throw new IOException($"poll(2) on a hook tool's pipes failed (errno {errno})");
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C function's name.
    private static partial int poll(Span<PollFd> fds, nuint count, int timeout);
#pragma warning restore SA1300, IDE1006

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    // Keeps a pipe's handle alive while its raw descriptor is polled.
    private sealed class SafeHandleRef : IDisposable
    {
        private readonly SafeHandle handle;
        private bool added;

        public SafeHandleRef(SafeHandle handle)
        {
            this.handle = handle;
            handle.DangerousAddRef(ref added);
            Fd = (int)handle.DangerousGetHandle();
        }

        public int Fd { get; }

        public void Dispose()
        {
            if (added)
            {
                handle.DangerousRelease();
                added = false;
            }
        }
    }

    private sealed class Drain(PipeStream stream)
    {
        private readonly List<byte> bytes = [];

        public bool Open { get; private set; } = true;

        public byte[] Bytes => [.. bytes];

        public void ReadOnce(byte[] buffer)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                Open = false;
            }
            else
            {
                bytes.AddRange(buffer.AsSpan(0, read));
            }
        }
    }
}
