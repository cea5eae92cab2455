using System.Diagnostics;

namespace Charmarr.Fuzz.Tests;

/// <summary>
/// CI's short deterministic pass: every target, a fixed seed and a small count (the `fuzz` command runs the same targets
/// for millions of inputs). Each asserts no undocumented exception, no broken property and no hang (10 s per input).
/// </summary>
public sealed class ShortFuzzPassTests
{
    private const int Seed = 20_261_206;

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    public static TheoryData<string> DeepTargets => ["relation-media-storage-provider", "hook-tool-config-get", "pebble-layer", "pebble-plan", "metadata-charmcraft", "plex-preferences"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_throws_only_documented_exceptions_keeps_its_properties_and_never_hangs(string name)
    {
        var target = FuzzTargets.Create(name);
        try
        {
            var report = FuzzRunner.Run(target, Seed, target.IsCheap ? 1_500 : 300, duration: null, hangBound: TimeSpan.FromSeconds(10));

            Assert.False(report.Failed, FuzzRunner.Describe(report));
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    /// <summary>Stack exhaustion kills a process, so each deep input runs in a child process: it must exit 0 (read or refused).</summary>
    [Theory]
    [MemberData(nameof(DeepTargets))]
    public async Task Deeply_nested_input_is_refused_not_a_crash(string name)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, FuzzTargets.DeepInput(name)!);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { typeof(FuzzTarget).Assembly.Location, "--replay", name, file })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{name}: the deep input ran for more than 60 s");
            }

            Assert.True(process.ExitCode == 0, $"{name}: exit {process.ExitCode}: {await output} {(await error).Split('\n')[0]}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
