using Charmarr.Bench.Measurement;

namespace Charmarr.Bench.Tests.Measurement;

public sealed class ChildUsageTests
{
    [Fact]
    public void A_program_run_once_reports_its_own_page_faults()
    {
        var usage = ChildUsage.Run("/bin/true", []);

        Assert.InRange(usage.MinorFaults, 1, 10_000);
        Assert.True(usage.CpuMilliseconds >= 0);
        if (usage.FaultTraps is { } traps)
        {
            Assert.InRange(traps, 1, 10_000);
        }
    }

    [Fact]
    public void Fault_traps_follow_the_started_program_not_the_caller()
    {
        var folder = Directory.CreateTempSubdirectory("charmarr-traps-").FullName;
        try
        {
            // The same shell start, then either nothing or dd filling an 8 MiB buffer: 2,048 pages touched once each.
            var idle = Script(folder, "idle", "exec /bin/true");
            var busy = Script(folder, "busy", "exec /bin/dd if=/dev/zero of=/dev/null bs=8M count=1 2>/dev/null");
            var idleTraps = ChildUsage.Run(idle, []).FaultTraps;
            Assert.SkipWhen(idleTraps is null, FaultTrapCounter.Unavailable ?? "perf events unavailable");

            var busyTraps = ChildUsage.Run(busy, []).FaultTraps!.Value;

            Assert.True(busyTraps - idleTraps!.Value >= 2_000, $"dd's run took {busyTraps} traps, the idle one {idleTraps}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_program_gets_exactly_the_environment_given()
    {
        var script = Path.Combine(Directory.CreateTempSubdirectory("charmarr-usage-").FullName, "check-env");
        try
        {
            // Exits 0 (a normal run) only when MARK is set and HOME is not: anything else makes it touch a marker file.
            File.WriteAllText(script, "#!/bin/sh\n[ \"$MARK\" = yes ] && [ -z \"$HOME\" ] || touch \"$0.wrong\"\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            ChildUsage.Run(script, ["MARK=yes"]);
            Assert.False(File.Exists(script + ".wrong"));

            ChildUsage.Run(script, []);
            Assert.True(File.Exists(script + ".wrong"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
        }
    }

    [Fact]
    public void A_missing_program_is_a_bench_error()
    {
        Assert.Throws<BenchException>(() => ChildUsage.Run("/nonexistent/charm-binary", []));
    }

    private static string Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
