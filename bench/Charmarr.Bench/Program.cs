using Charmarr.Bench;
using Charmarr.Bench.Hooks;
using Charmarr.Bench.InProcess;
using Charmarr.Bench.Measurement;
using Charmarr.Bench.Report;
using Charmarr.Cli;
using Charmarr.Cli.Simulation;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (BenchException e)
{
    Console.Error.WriteLine($"charmarr-bench: {e.Message}");
    return 2;
}

// Unix socket paths are limited to 107 bytes: keep the work directory short.
var work = Directory.CreateTempSubdirectory("charmarr-bench-").FullName;
try
{
    var figures = new List<Figure>();
    var charm = await CharmSource.PackedAsync(options.Charm, CancellationToken.None);
    var charmDirectory = CharmSource.Unpack(charm, work);
    figures.AddRange(CharmSize.Measure(charm, charmDirectory));

    Console.WriteLine($"Measuring {Path.GetFileName(charm)}: {HookBenchmark.Events.Count} events × {options.Runs} runs through dispatch under the hook-tool shims …");
    var hooks = await MeasureHooksAsync(charmDirectory, PeakRssProbe.TryCreate(work), options.Runs);
    figures.AddRange(hooks.Figures);
    Console.WriteLine("Measuring the Harness and the Pebble client in process …");
    figures.AddRange(HarnessBenchmark.Run());
    figures.AddRange(await PebbleBenchmark.RunAsync(work));

    Console.WriteLine();
    Console.WriteLine(MachineNotes.Describe());
    Console.WriteLine();
    ReportTable.Print(Console.Out, figures);
    Console.WriteLine();
    Console.WriteLine("Hook-tool calls of the last run, by tool:");
    foreach (var line in hooks.CallBreakdown)
    {
        Console.WriteLine($"- {line}");
    }

    Console.WriteLine();
    Console.WriteLine("Not measured: a charm made from the charmarr-charm template (templates/ is not in this tree yet).");
    return 0;
}
catch (Exception e) when (e is BenchException or CliException)
{
    Console.Error.WriteLine($"charmarr-bench: {e.Message}");
    return 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<HookBenchmark> MeasureHooksAsync(string charmDirectory, PeakRssProbe? rss, int runs)
{
    await using var deployment = await PlexDeployment.StartAsync(charmDirectory, ShimLocator.Find());
    var benchmark = new HookBenchmark(deployment, rss, runs);
    await benchmark.RunAsync();
    return benchmark;
}
