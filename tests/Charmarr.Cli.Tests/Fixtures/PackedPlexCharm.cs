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

    public async ValueTask InitializeAsync()
    {
        using var progress = new StringWriter();
        var charms = await new CharmPacker(new Progress(progress, interactive: false), TimeProvider.System)
            .PackAsync(RepositoryPaths.PlexCharm, output, CancellationToken.None);
        Path = Assert.Single(charms);
        ProgressText = progress.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(output, recursive: true);
        return ValueTask.CompletedTask;
    }
}
