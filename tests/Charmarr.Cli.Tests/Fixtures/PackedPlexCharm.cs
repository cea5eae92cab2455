using Charmarr.Cli.Packing;

[assembly: AssemblyFixture(typeof(Charmarr.Cli.Tests.Fixtures.PackedPlexCharm))]

namespace Charmarr.Cli.Tests.Fixtures;

/// <summary>plex-k8s packed once per test run: the Native AOT publish takes minutes, so every test that needs a real
/// .charm shares this one (the sample charm's YAML is checked by goldens, which need no publish).</summary>
public sealed class PackedPlexCharm : IAsyncLifetime
{
    private readonly string output = Directory.CreateTempSubdirectory("charmarr-packed-").FullName;

    /// <summary>The .charm file.</summary>
    public string Path { get; private set; } = "";

    /// <summary>What pack printed.</summary>
    public string ProgressText { get; private set; } = "";

    /// <summary>A second pack of the unchanged charm with the same publish cache.</summary>
    public string RepackPath { get; private set; } = "";

    /// <summary>What the second pack printed.</summary>
    public string RepackProgressText { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        // A cache of this run's own (empty at first), so the first pack always publishes for real.
        var cache = new PublishCache(System.IO.Path.Combine(output, "publish-cache"));
        using var progress = new StringWriter();
        var charms = await new CharmPacker(new Progress(progress, interactive: false), TimeProvider.System) { Cache = _ => cache }
            .PackAsync(RepositoryPaths.PlexCharm, output, CancellationToken.None);
        Path = Assert.Single(charms);
        ProgressText = progress.ToString();

        using var again = new StringWriter();
        var repacked = await new CharmPacker(new Progress(again, interactive: false), TimeProvider.System) { Cache = _ => cache }
            .PackAsync(RepositoryPaths.PlexCharm, System.IO.Path.Combine(output, "again"), CancellationToken.None);
        RepackPath = Assert.Single(repacked);
        RepackProgressText = again.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(output, recursive: true);
        return ValueTask.CompletedTask;
    }
}
