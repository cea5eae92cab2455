using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Charmarr.Ops.HookTools;

/// <summary>
/// Feeds a child process's standard input and drains its standard output and error on the calling thread, with
/// <c>poll(2)</c>, <c>read(2)</c> and <c>write(2)</c> over the three pipes: no pipe can fill up and stall the child, and no
/// thread-pool worker, socket-engine thread or spinning wait is started for a hook tool's few bytes (.NET's pipe streams
/// do their I/O through a socket on Unix, even synchronously, and so start the socket engine's thread).
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
        var outputs = new[] { new Drain(), new Drain() };
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
                        if (!Write(pending.Fd, input, ref written, ready))
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
                        (fds[i].Fd == outRef.Fd ? outputs[0] : outputs[1]).ReadOnce(fds[i].Fd, buffer);
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
    private static bool Write(int fd, ReadOnlySpan<byte> input, ref int written, short ready)
    {
        if ((ready & (PollErr | PollHup | PollNval)) != 0)
        {
            return false;
        }

        var chunk = input.Slice(written, Math.Min(WriteChunk, input.Length - written));
        nint count;
        do
        {
            count = write(fd, chunk, (nuint)chunk.Length);
        }
        while (count < 0 && Marshal.GetLastPInvokeError() == Eintr);

        // A failed write (EPIPE: the tool exited or closed its input without reading all of it) ends the input; the tool's
        // exit code and stderr say why.
        if (count <= 0)
        {
            return false;
        }

        written += (int)count;
        return written < input.Length;
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

#pragma warning disable SA1300, IDE1006 // The C functions' names.
    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int poll(Span<PollFd> fds, nuint count, int timeout);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial nint read(int fd, Span<byte> buffer, nuint count);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial nint write(int fd, ReadOnlySpan<byte> buffer, nuint count);
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

    private sealed class Drain
    {
        private readonly List<byte> bytes = [];

        public bool Open { get; private set; } = true;

        public byte[] Bytes => [.. bytes];

        // One read(2) after poll said the pipe is readable (or hung up): never blocks; 0 is the end of the output.
        public void ReadOnce(int fd, byte[] buffer)
        {
            nint read;
            do
            {
                read = PipeExchange.read(fd, buffer, (nuint)buffer.Length);
            }
            while (read < 0 && Marshal.GetLastPInvokeError() == Eintr);

            if (read < 0)
            {
                throw new IOException($"reading a hook tool's output failed (errno {Marshal.GetLastPInvokeError()})");
            }

            if (read == 0)
            {
                Open = false;
            }
            else
            {
                bytes.AddRange(buffer.AsSpan(0, (int)read));
            }
        }
    }
}
