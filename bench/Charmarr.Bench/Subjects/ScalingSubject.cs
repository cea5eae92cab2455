using Charmarr.Bench.Hooks;
using Charmarr.Bench.Report;
using Charmarr.Bench.Scaling;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Subjects;

/// <summary>Cost against work (issue 20 item 4): the bench's scaling charm (given, or packed from bench/ScalingCharm).</summary>
internal static class ScalingSubject
{
    public const string Title = "Cost against work (issue 20)";

    public static async Task<SubjectReport> MeasureAsync(BenchOptions options, string workDirectory)
    {
        var charm = await CharmSource.PackedAsync(options.ScalingCharm, "--scaling-charm", Path.Combine("bench", "ScalingCharm"), CancellationToken.None);
        var charmDirectory = CharmSource.Unpack(charm, workDirectory, "bench-scaling");
        Console.WriteLine($"Measuring {Path.GetFileName(charm)}: members-relation-changed with {string.Join(", ", ScalingDeployment.RemoteUnits)} remote units, "
            + $"then update-status with {string.Join(", ", ScalingDeployment.StoredKiB)} KiB per stored key, {options.Runs} runs each …");
        await using var unit = await ScalingDeployment.StartAsync(charmDirectory, ShimLocator.Find());
        var (shimMedian, shimP90) = await ShimRoundTrip.MeasureAsync(unit, workDirectory);
        var benchmark = new ScalingBenchmark(unit, options.Runs);
        var remoteUnits = await benchmark.RemoteUnitsAsync();
        var stored = await benchmark.StoredAsync();
        Figure[] figures =
        [
            new("hook-tool shim", $"is-leader round trip, median of {ShimRoundTrip.Runs}", ReportTable.Milliseconds(shimMedian)),
            new("hook-tool shim", "is-leader round trip, p90", ReportTable.Milliseconds(shimP90)),
        ];
        return new SubjectReport(Title, figures, [],
        [
            $"members-relation-changed, whose handler reads every remote unit's bag ({options.Runs} runs per N):",
            ScalingReport.RemoteUnits(remoteUnits),
            $"update-status with stored state and deferred events near Juju's 64 KiB per key: every deferred tick re-emitted and deferred again, the stored state rewritten ({options.Runs} runs per size):",
            ScalingReport.Stored(stored),
        ], charmDirectory);
    }
}
