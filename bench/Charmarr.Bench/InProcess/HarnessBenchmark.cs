using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.PlexK8s;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Bench.InProcess;

/// <summary>
/// plex-k8s in the Harness, in process: a representative test (a new Harness, the initial hooks of a leader with media
/// storage, pebble-ready, a config change, a relation change, update-status) repeated, timing the whole test and each
/// event. The first test is a warm-up (JIT) and not counted.
/// </summary>
internal static class HarnessBenchmark
{
    private const int Tests = 20;
    private static readonly string CharmDirectory = Path.Combine(AppContext.BaseDirectory, "charm");

    public static IReadOnlyList<Figure> Run()
    {
        using var plex = HttpFakeServer.Start(new HttpFake("plex", "", [new HttpFakeRoute("GET", "/identity", 200, "<MediaContainer size=\"0\" claimed=\"0\"/>", "application/xml")]));
        var options = PlexOptions.Default with { PlexServerUrl = new Uri(plex.Url), PlexTvUrl = new Uri(plex.Url) };
        var events = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var tests = new List<double>();
        for (var i = 0; i <= Tests; i++)
        {
            var clock = Stopwatch.StartNew();
            var timings = RunTest(options, i);
            if (i == 0)
            {
                continue;
            }

            tests.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var (name, milliseconds) in timings)
            {
                (events.TryGetValue(name, out var list) ? list : events[name] = []).Add(milliseconds);
            }
        }

        var figures = new List<Figure> { new("Harness", $"one test (setup + {events.Count} steps), mean of {Tests}", ReportTable.Milliseconds(tests.Average())) };
        figures.AddRange(events.Select(e => new Figure("Harness", $"{e.Key}, mean", ReportTable.Milliseconds(e.Value.Average()))));
        return figures;
    }

    private static List<(string Event, double Milliseconds)> RunTest(PlexOptions options, int iteration)
    {
        var timings = new List<(string, double)>();
        void Time(string name, Action step)
        {
            var clock = Stopwatch.StartNew();
            step();
            timings.Add((name, clock.Elapsed.TotalMilliseconds));
        }

        using var harness = new Harness<PlexCharm>(
            CharmDirectory,
            builder =>
            {
                builder.Services.AddSingleton(options);
                PlexApp.Configure(builder);
            },
            new CharmTestOptions { AppName = "plex" });
        PlexImage.Prepare(harness.Container(PlexWorkload.ContainerName));
        harness.SetLeader(true);
        var relation = harness.AddRelation("media-storage", "charmarr-storage", appData: new Dictionary<string, string> { ["config"] = StorageConfig(1000) });
        Time("initial hooks (install … start)", harness.BeginWithInitialHooks);
        Time("plex-pebble-ready", () => harness.ContainerPebbleReady(PlexWorkload.ContainerName));
        Time("config-changed", () => harness.UpdateConfig(("timezone", iteration % 2 == 0 ? "Europe/Paris" : "Etc/UTC")));
        Time("media-storage-relation-changed", () => harness.UpdateRelationData(relation, "charmarr-storage", new Dictionary<string, string> { ["config"] = StorageConfig(1000 + (iteration % 2)) }));
        Time("update-status", () => harness.Dispatch("update-status"));
        return timings;
    }

    private static string StorageConfig(int puid) =>
        new JsonObject { ["pvc_name"] = "charmarr-shared-media", ["mount_path"] = "/data", ["puid"] = puid, ["pgid"] = 1000 }.ToJsonString();
}
