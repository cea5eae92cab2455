using System.Text.Json.Nodes;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Http;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.PlexK8s.Tests.Fakes;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>
/// plex-k8s in the Harness, as Program.cs configures it, with its plex.tv and Plex server endpoints pointed at
/// <see cref="HttpFake"/>s. The fake Plex answers /identity from the simulated container: claimed when the plex service
/// runs and Preferences.xml holds a non-empty PlexOnlineToken.
/// </summary>
internal sealed class PlexHarness : IAsyncDisposable
{
    public const string Model = "charmarr";
    public const string InternalUrl = "http://plex.charmarr.svc.cluster.local:32400";

    private PlexHarness(HttpFake plexTv, HttpFake plexServer, TimeSpan httpTimeout, string jujuVersion)
    {
        PlexTv = plexTv;
        PlexServer = plexServer;
        Harness = new Harness<PlexCharm>(
            CharmDirectory,
            Configure(plexTv, plexServer, httpTimeout),
            new CharmTestOptions { ModelName = Model, AppName = "plex", JujuVersion = jujuVersion });
        PrepareContainer(Plex);
        PlexServer.Answer("GET", "/identity", _ => HttpFakeResponse.Xml(
            PlexRuns ? 200 : 503,
            $"<MediaContainer size=\"0\" claimed=\"{(PlexRuns && PreferencesClaimed ? 1 : 0)}\" machineIdentifier=\"{PreferencesSamples.MachineIdentifier}\"/>"));
    }

    public static string CharmDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "charm");

    public Harness<PlexCharm> Harness { get; }

    public HttpFake PlexTv { get; }

    public HttpFake PlexServer { get; }

    public PebbleSimulator Plex => Harness.Pebble("plex");

    public bool PlexRuns => Harness.IsRunning("plex", "plex");

    public bool PreferencesClaimed =>
        Plex.PathExists(PlexWorkload.PreferencesPath) && PlexPreferences.Parse(Plex.ReadTextFile(PlexWorkload.PreferencesPath)).IsClaimed;

    public static async Task<PlexHarness> StartAsync(TimeSpan? httpTimeout = null, string jujuVersion = "3.6.4") =>
        new(await HttpFake.StartAsync(), await HttpFake.StartAsync(), httpTimeout ?? TimeSpan.FromSeconds(10), jujuVersion);

    /// <summary>Program.cs's configuration with plex.tv and Plex at the fakes and short waits.</summary>
    public static Action<CharmAppBuilder> Configure(HttpFake plexTv, HttpFake plexServer, TimeSpan? httpTimeout = null)
    {
        var options = PlexOptions.Default with
        {
            PlexTvUrl = plexTv.BaseUrl,
            PlexServerUrl = plexServer.BaseUrl,
            HttpTimeout = httpTimeout ?? TimeSpan.FromSeconds(10),
            ClaimWait = TimeSpan.FromSeconds(2),
            ClaimPollInterval = TimeSpan.FromMilliseconds(20),
        };
        return builder =>
        {
            builder.Services.AddSingleton(options); // registered first: PlexApp only adds its own when none is
            PlexApp.Configure(builder);
        };
    }

    public static string StorageConfig(string pvc = "charmarr-shared-media", string mountPath = "/data", int puid = 1000, int pgid = 1000) =>
        new JsonObject { ["pvc_name"] = pvc, ["mount_path"] = mountPath, ["puid"] = puid, ["pgid"] = pgid }.ToJsonString();

    public int RelateStorage(string? config = null) =>
        Harness.AddRelation("media-storage", "charmarr-storage", appData: new Dictionary<string, string> { ["config"] = config ?? StorageConfig() });

    /// <summary>A leader with media storage, through the initial hooks: Plex is started but has not answered yet.</summary>
    public void Deploy(bool leader = true)
    {
        Harness.SetLeader(leader);
        RelateStorage();
        Harness.BeginWithInitialHooks();
    }

    /// <summary>
    /// Plex wrote its preferences and its readiness check passed; the charm's notifier service records its notice and
    /// Juju tells the charm (plex-pebble-custom-notice).
    /// </summary>
    public void PlexInitialises(string preferences = PreferencesSamples.Unclaimed)
    {
        Plex.WriteFile(PlexWorkload.PreferencesPath, preferences, new FileCreation { UserId = 1000, GroupId = 1000, MakeParents = true });
        Harness.PassCheck("plex", PlexWorkload.ReadyCheckName);
        Harness.PebbleNotify("plex", ReadyNotifier.NoticeKey);
    }

    public ValueTask DisposeAsync()
    {
        Harness.Dispose();
        return DisposeServersAsync();
    }

    private async ValueTask DisposeServersAsync()
    {
        await PlexTv.DisposeAsync();
        await PlexServer.DisposeAsync();
    }

    private static void PrepareContainer(PebbleSimulator plex)
    {
        plex.MakeDirectory("/config", new FileCreation { UserId = 0, GroupId = 0 });
        plex.WriteFile("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", new FileCreation { MakeParents = true });
        plex.WriteFile("/etc/group", "root:x:0:\n", new FileCreation { MakeParents = true });
        plex.HandleExec(["chown"], ExecResult.FromText(0));
    }
}
