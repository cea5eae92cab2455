using System.Runtime.InteropServices;

namespace Charmarr.Bench.Measurement;

/// <summary>
/// Runs a program once and reads what the kernel counted for it alone (<c>wait4</c>'s <c>rusage</c>): CPU time and minor
/// page faults, without a wrapper process whose own start-up would be counted too; and, where <c>perf_event_open</c> is
/// allowed, its page-fault traps (<see cref="FaultTrapCounter"/>). Standard output and error go to /dev/null.
/// Not its peak RSS: <c>posix_spawn</c> runs the child on this process's memory until it execs, and the kernel carries
/// that memory's high-water mark into the child's <c>ru_maxrss</c> (GNU time, which forks, reports it truly).
/// </summary>
internal static partial class ChildUsage
{
    private const int DevNullFlags = 1; // O_WRONLY

    /// <summary>Runs <paramref name="path"/> with exactly <paramref name="environment"/> and waits for it.</summary>
    /// <param name="path">The executable.</param>
    /// <param name="environment"><c>NAME=value</c> entries; empty for an empty environment.</param>
    /// <returns>What it used.</returns>
    /// <exception cref="BenchException">It could not be started or waited for.</exception>
    public static unsafe Usage Run(string path, IReadOnlyList<string> environment)
    {
        var actions = stackalloc byte[256]; // posix_spawn_file_actions_t is 80 bytes on glibc x86-64
        Check(FileActionsInit(actions), "posix_spawn_file_actions_init");
        try
        {
            Check(FileActionsAddOpen(actions, 1, "/dev/null", DevNullFlags, 0), "posix_spawn_file_actions_addopen");
            Check(FileActionsAddOpen(actions, 2, "/dev/null", DevNullFlags, 0), "posix_spawn_file_actions_addopen");
            using var argv = new NativeStrings([path]);
            using var envp = new NativeStrings(environment);
            using var traps = FaultTrapCounter.TryOpen();
            var trapsBefore = traps?.Read() ?? 0;
            Check(PosixSpawn(out var pid, path, actions, null, argv.Pointer, envp.Pointer), $"posix_spawn {path}");
            RUsage usage;
            int status;
            while (Wait4(pid, &status, 0, &usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != 4) // EINTR
                {
                    throw new BenchException($"wait4 for {path} failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }

            var cpu = (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
            return new Usage(cpu, usage.MinorFaults, traps is null ? null : traps.Read() - trapsBefore);
        }
        finally
        {
            _ = FileActionsDestroy(actions);
        }
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new BenchException($"{what} failed: error {result}");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static unsafe partial int FileActionsInit(byte* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static unsafe partial int FileActionsDestroy(byte* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int FileActionsAddOpen(byte* actions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int PosixSpawn(out int pid, string path, byte* actions, void* attributes, nint argv, nint envp);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static unsafe partial int Wait4(int pid, int* status, int options, RUsage* usage);

    /// <summary>What one run used.</summary>
    /// <param name="CpuMilliseconds">User plus system CPU time.</param>
    /// <param name="MinorFaults">Minor page faults as <c>rusage</c> counts them: pages the kernel populated on request too.</param>
    /// <param name="FaultTraps">Page-fault traps (<see cref="FaultTrapCounter"/>); <see langword="null"/> where perf events are refused.</param>
    internal sealed record Usage(double CpuMilliseconds, long MinorFaults, long? FaultTraps);

    // struct rusage on Linux x86-64: two timevals, then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRssKilobytes;
        public long SharedText;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }

    // A NULL-terminated array of C strings, freed on dispose.
    private sealed class NativeStrings : IDisposable
    {
        private readonly nint[] strings;

        public NativeStrings(IReadOnlyList<string> values)
        {
            strings = values.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
            Pointer = Marshal.AllocCoTaskMem(nint.Size * (strings.Length + 1));
            for (var i = 0; i < strings.Length; i++)
            {
                Marshal.WriteIntPtr(Pointer, i * nint.Size, strings[i]);
            }

            Marshal.WriteIntPtr(Pointer, strings.Length * nint.Size, 0);
        }

        public nint Pointer { get; }

        public void Dispose()
        {
            foreach (var s in strings)
            {
                Marshal.FreeCoTaskMem(s);
            }

            Marshal.FreeCoTaskMem(Pointer);
        }
    }
}
