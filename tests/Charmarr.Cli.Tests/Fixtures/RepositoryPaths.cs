using System.Reflection;

namespace Charmarr.Cli.Tests.Fixtures;

/// <summary>Where the tests find the repository and their fixture files.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    public static string PlexCharm => Path.Combine(Root, "charms", "plex-k8s");

    public static string SampleCharm => Path.Combine(Root, "tests", "Charmarr.Ops.SampleCharm");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
