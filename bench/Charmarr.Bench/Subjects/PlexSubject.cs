using Charmarr.Bench.Hooks;
using Charmarr.Bench.InProcess;
using Charmarr.Bench.Tracing;

namespace Charmarr.Bench.Subjects;

/// <summary>plex-k8s: the packed charm (given, or packed from charms/plex-k8s), what charm tracing costs it, and its Harness test.</summary>
internal static class PlexSubject
{
    public static async Task<SubjectReport> MeasureAsync(BenchOptions options, string workDirectory)
    {
        var charm = await CharmSource.PackedAsync(options.Charm, CancellationToken.None);
        var packed = await PackedCharmBenchmark.MeasureAsync(charm, workDirectory, PlexDeployment.StartAsync, _ => PlexDeployment.Events, options.Runs);
        packed.Figures.AddRange(await TracingBenchmark.MeasureAsync(packed.CharmDirectory, options.Runs));
        Console.WriteLine("Measuring plex-k8s in the Harness …");
        packed.Figures.AddRange(PlexHarnessTest.Run());
        return new SubjectReport("plex-k8s", packed.Figures, packed.CallBreakdown, [], packed.CharmDirectory);
    }
}
