using System.Text.Json.Nodes;
using Charmarr.Bench.Report;
using Charmarr.Cli.Simulation;
using Charmarr.Ops.Testing;
using Charmarr.PlexK8s;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Bench.InProcess;

/// <summary>
/// plex-k8s in the Harness, in process: a representative test (a new Harness, the initial hooks of a leader with media
/// storage, pebble-ready, a config change, a relation change, update-status), timed by <see cref="HarnessTimer"/>.
/// </summary>
internal static class PlexHarnessTest
{
    private static readonly string CharmDirectory = Path.Combine(AppContext.BaseDirectory, "charm");

    public static IReadOnlyList<Figure> Run()
    {
        using var plex = HttpFakeServer.Start(new HttpFake("plex", "", [new HttpFakeRoute("GET", "/identity", 200, "<MediaContainer size=\"0\" claimed=\"0\"/>", "application/xml")]));
        var options = PlexOptions.Default with { PlexServerUrl = new Uri(plex.Url), PlexTvUrl = new Uri(plex.Url) };
        return HarnessTimer.Run((clock, iteration) => RunTest(options, clock, iteration));
    }

    private static void RunTest(PlexOptions options, StepClock clock, int iteration)
    {
        using var harness = new Harness<PlexCharm>(
            CharmDirectory,
            builder =>
            {
                builder.Services.AddSingleton(options);
                PlexApp.Configure(builder);
            },
            new CharmTestOptions { AppName = "plex" });
        PlexImage.Prepare(harness.Pebble(PlexWorkload.ContainerName));
        harness.SetLeader(true);
        var relation = harness.AddRelation("media-storage", "charmarr-storage", appData: new Dictionary<string, string> { ["config"] = StorageConfig(1000) });
        clock.Time("initial hooks (install … start)", harness.BeginWithInitialHooks);
        clock.Time("plex-pebble-ready", () => harness.ContainerPebbleReady(PlexWorkload.ContainerName));
        clock.Time("config-changed", () => harness.UpdateConfig(("timezone", iteration % 2 == 0 ? "Europe/Paris" : "Etc/UTC")));
        clock.Time("media-storage-relation-changed", () => harness.UpdateRelationData(relation, "charmarr-storage", new Dictionary<string, string> { ["config"] = StorageConfig(1000 + (iteration % 2)) }));
        clock.Time("update-status", () => harness.Dispatch("update-status"));
    }

    private static string StorageConfig(int puid) =>
        new JsonObject { ["pvc_name"] = "charmarr-shared-media", ["mount_path"] = "/data", ["puid"] = puid, ["pgid"] = 1000 }.ToJsonString();
}
