namespace Charmarr.PlexK8s.IntegrationTests;

/// <summary>The packed charms the tests deploy: from <c>CHARMARR_PLEX_CHARM</c> / <c>CHARMARR_STORAGE_STANDIN_CHARM</c>,
/// else the <c>.charm</c> files <c>charmarr pack … --output .</c> left at the repository root.</summary>
internal static class PlexCharms
{
    public const string PlexVariable = "CHARMARR_PLEX_CHARM";
    public const string StandInVariable = "CHARMARR_STORAGE_STANDIN_CHARM";

    /// <summary>The plex image the charm is tested against (charmcraft.yaml's upstream-source).</summary>
    public const string PlexImage = "lscr.io/linuxserver/plex:1.43.1.10611-1e34174b1-ls301";

    public static string? Plex => Find(PlexVariable, "plex-k8s_*.charm");

    public static string? StandIn => Find(StandInVariable, "media-storage-standin_*.charm");

    public static string MissingReason =>
        $"No packed charms: run `dotnet run --project src/Charmarr.Cli -c Release -- pack charms/plex-k8s --output .` and "
        + $"`… pack tests/MediaStorageStandIn --output .` at the repository root, or set {PlexVariable} and {StandInVariable}";

    private static string? Find(string variable, string pattern)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path)
        {
            return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{variable}={path}: no such file", path);
        }

        var root = RepositoryRoot();
        return root is null ? null : Directory.GetFiles(root, pattern).Order(StringComparer.Ordinal).LastOrDefault();
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Charmarr.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
