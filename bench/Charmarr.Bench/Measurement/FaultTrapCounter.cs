using System.Runtime.InteropServices;

namespace Charmarr.Bench.Measurement;

/// <summary>
/// Counts page-fault traps (the kernel's software event <c>PERF_COUNT_SW_PAGE_FAULTS</c>, what <c>perf stat -e
/// page-faults</c> reports) of the calling thread and every process it starts while open. Unlike <c>rusage</c>'s minor
/// faults, which also count pages the kernel populates on request (<c>madvise(MADV_POPULATE_WRITE)</c>, the charm
/// binary's start-up prefault), this counts only the exceptions a process takes, the part that costs on a virtual machine.
/// </summary>
internal sealed partial class FaultTrapCounter : IDisposable
{
    private const uint PerfTypeSoftware = 1;
    private const ulong PerfCountSwPageFaults = 2;
    private const ulong InheritFlag = 1UL << 1;
    private const ulong PerfFlagFdCloexec = 8;
    private const int PerfEventAttrSize = 128;

    private readonly int descriptor;

    private FaultTrapCounter(int descriptor) => this.descriptor = descriptor;

    /// <summary>Why no counter could be opened, when <see cref="TryOpen"/> returned <see langword="null"/>.</summary>
    public static string? Unavailable { get; private set; }

    /// <summary>
    /// Opens a counter on the calling thread, inherited by the processes it starts; <see langword="null"/> where
    /// <c>perf_event_open</c> is refused (<c>kernel.perf_event_paranoid</c>, a container without it) or unknown.
    /// </summary>
    public static unsafe FaultTrapCounter? TryOpen()
    {
        long number = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 298,
            Architecture.Arm64 => 241,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || number < 0)
        {
            Unavailable = "perf_event_open is known here only on Linux x64 and arm64";
            return null;
        }

        var attr = stackalloc byte[PerfEventAttrSize];
        new Span<byte>(attr, PerfEventAttrSize).Clear();
        *(uint*)attr = PerfTypeSoftware;
        *(uint*)(attr + 4) = PerfEventAttrSize;
        *(ulong*)(attr + 8) = PerfCountSwPageFaults;
        *(ulong*)(attr + 40) = InheritFlag; // the flag bits follow type, size, config, sample period, sample type, read format
        var fd = (int)Syscall(number, (nint)attr, 0, -1, -1, (nint)PerfFlagFdCloexec);
        if (fd < 0)
        {
            Unavailable = $"perf_event_open refused (errno {Marshal.GetLastPInvokeError()}; see kernel.perf_event_paranoid)";
            return null;
        }

        return new FaultTrapCounter(fd);
    }

    /// <summary>Traps counted so far, the exited children's included.</summary>
    public unsafe long Read()
    {
        ulong value;
        return Read(descriptor, &value, sizeof(ulong)) == sizeof(ulong) ? (long)value : -1;
    }

    /// <inheritdoc />
    public void Dispose() => _ = Close(descriptor);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, nint attr, int pid, int cpu, int groupFd, nint flags);

    [LibraryImport("libc", EntryPoint = "read")]
    private static unsafe partial nint Read(int fd, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
