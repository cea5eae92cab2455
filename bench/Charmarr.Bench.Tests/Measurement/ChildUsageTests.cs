using Charmarr.Bench.Measurement;

namespace Charmarr.Bench.Tests.Measurement;

public sealed class ChildUsageTests
{
    [Fact]
    public void A_program_run_once_reports_its_own_page_faults_and_peak_rss()
    {
        var usage = ChildUsage.Run("/bin/true", []);

        Assert.InRange(usage.MinorFaults, 1, 10_000);
        Assert.InRange(usage.MaxRssKilobytes, 1, 1_000_000);
        Assert.True(usage.CpuMilliseconds >= 0);
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
}
