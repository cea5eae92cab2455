using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Http;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>plex-k8s in the state-transition API, configured as Program.cs does, with plex.tv and Plex on loopback fakes.</summary>
internal sealed class PlexScenario : IAsyncDisposable
{
    private PlexScenario(HttpFake plexTv, HttpFake plexServer, string jujuVersion)
    {
        PlexTv = plexTv;
        PlexServer = plexServer;
        Context = new Context<PlexCharm>(PlexHarness.CharmDirectory, PlexHarness.Configure(plexTv, plexServer), new CharmTestOptions { ModelName = PlexHarness.Model, AppName = "plex", JujuVersion = jujuVersion });
    }

    public Context<PlexCharm> Context { get; }

    public HttpFake PlexTv { get; }

    public HttpFake PlexServer { get; }

    public static async Task<PlexScenario> StartAsync(string jujuVersion = "3.6.4") =>
        new(await HttpFake.StartAsync(), await HttpFake.StartAsync(), jujuVersion);

    public static RelationState MediaStorage(string? config = null) => new("media-storage")
    {
        RemoteAppName = "charmarr-storage",
        RemoteAppData = new Dictionary<string, string> { ["config"] = config ?? PlexHarness.StorageConfig() },
    };

    /// <summary>The plex container as the image ships it: root's /config, minimal account files, chown available.</summary>
    public static ContainerState Plex(bool canConnect = true, params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string>
        {
            ["/config/.keep"] = "",
            ["/etc/passwd"] = "root:x:0:0:root:/root:/bin/bash\n",
            ["/etc/group"] = "root:x:0:\n",
        };
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return new ContainerState("plex") { CanConnect = canConnect, Files = all, Execs = [new Exec(["chown"])] };
    }

    /// <summary>A leader whose plex service runs with the leader's layer and these preferences.</summary>
    public static CharmState RunningLeader(string preferences) => new()
    {
        Leader = true,
        Relations = [MediaStorage()],
        Containers =
        [
            Plex(files: (PlexWorkload.PreferencesPath, preferences)) with
            {
                Layers = [new Layer("plex", PlexLayer.ForLeader(new FileOwner(1000, 1000), "Etc/UTC"))],
                ServiceStatuses = new Dictionary<string, ServiceStatus> { ["plex"] = ServiceStatus.Active },
            },
        ],
    };

    public async ValueTask DisposeAsync()
    {
        await PlexTv.DisposeAsync();
        await PlexServer.DisposeAsync();
    }
}
