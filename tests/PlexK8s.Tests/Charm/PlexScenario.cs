using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.PlexK8s.Tests.Fakes;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>plex-k8s in the state-transition API, configured as Program.cs does, with plex.tv and Plex on loopback fakes.</summary>
internal sealed class PlexScenario : IAsyncDisposable
{
    private PlexScenario(LoopbackHttpServer plexTv, LoopbackHttpServer plexServer, string jujuVersion)
    {
        PlexTv = plexTv;
        PlexServer = plexServer;
        Context = new Context<PlexCharm>(PlexHarness.CharmDirectory, PlexHarness.Configure(plexTv, plexServer), new CharmTestOptions { AppName = "plex", JujuVersion = jujuVersion });
    }

    public Context<PlexCharm> Context { get; }

    public LoopbackHttpServer PlexTv { get; }

    public LoopbackHttpServer PlexServer { get; }

    public static async Task<PlexScenario> StartAsync(string jujuVersion = "3.6.4") =>
        new(await LoopbackHttpServer.StartAsync(), await LoopbackHttpServer.StartAsync(), jujuVersion);

    public static Relation MediaStorage(string? config = null) => new("media-storage")
    {
        RemoteAppName = "charmarr-storage",
        RemoteAppData = new Dictionary<string, string> { ["config"] = config ?? PlexHarness.StorageConfig() },
    };

    /// <summary>The plex container as the image ships it: root's /config, minimal account files, chown available.</summary>
    public static Container Plex(bool canConnect = true, params (string Path, string Text)[] files)
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

        return new Container("plex") { CanConnect = canConnect, Files = all, Execs = [new Exec(["chown"])] };
    }

    public async ValueTask DisposeAsync()
    {
        await PlexTv.DisposeAsync();
        await PlexServer.DisposeAsync();
    }
}
