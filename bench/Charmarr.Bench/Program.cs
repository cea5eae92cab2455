using Charmarr.Bench;
using Charmarr.Bench.Hooks;
using Charmarr.Bench.InProcess;
using Charmarr.Bench.Report;
using Charmarr.Bench.Subjects;
using Charmarr.Cli;

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
    var reports = new List<SubjectReport>();
    if (options.MeasuresPlex)
    {
        reports.Add(await PlexSubject.MeasureAsync(options, work));
    }

    if (options.MeasuresTemplate)
    {
        reports.Add(await TemplateSubject.MeasureAsync(options, work));
    }

    if (options.ComparesWithPeer)
    {
        // With --only compare the native tables are skipped: plex-k8s is only unpacked, and the template charm compared
        // only when given with --template-charm.
        var plexDirectory = reports.FirstOrDefault(r => r.Title == "plex-k8s")?.CharmDirectory
            ?? CharmSource.Unpack(await CharmSource.PackedAsync(options.Charm, CancellationToken.None), work, "plex-k8s");
        var templateDirectory = reports.FirstOrDefault(r => r.Title.EndsWith("(dotnet new charmarr-charm)", StringComparison.Ordinal))?.CharmDirectory
            ?? (options.TemplateCharm is { } given ? CharmSource.Unpack(given, work, "bench-app") : null);
        reports.Add(await PeerSubject.MeasureAsync(options, work, plexDirectory, templateDirectory));
    }

    if (options.MeasuresScaling)
    {
        reports.Add(await ScalingSubject.MeasureAsync(options, work));
    }

    Console.WriteLine("Measuring the Pebble client in process …");
    reports.Add(new SubjectReport("Pebble client (the same for every charm)", await PebbleBenchmark.RunAsync(work), [], []));

    Console.WriteLine();
    Console.WriteLine(MachineNotes.Describe());
    foreach (var report in reports)
    {
        Print(report);
    }

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

static void Print(SubjectReport report)
{
    Console.WriteLine();
    Console.WriteLine($"### {report.Title}");
    Console.WriteLine();
    ReportTable.Print(Console.Out, report.Figures);
    if (report.CallBreakdown.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("Hook-tool calls of the last run, by tool:");
        foreach (var line in report.CallBreakdown)
        {
            Console.WriteLine($"- {line}");
        }
    }

    foreach (var note in report.Notes)
    {
        Console.WriteLine();
        Console.WriteLine(note);
    }
}
