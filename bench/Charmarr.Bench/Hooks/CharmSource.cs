using Charmarr.Cli;
using Charmarr.Cli.Packing;

namespace Charmarr.Bench.Hooks;

/// <summary>The packed plex-k8s charm: the one given with <c>--charm</c>, or a fresh <c>charmarr pack</c> of charms/plex-k8s.</summary>
internal static class CharmSource
{
    /// <summary>The .charm to measure; a fresh pack goes to artifacts/charms so the next run can skip it with --charm.</summary>
    public static async Task<string> PackedAsync(string? given, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new BenchException($"--charm {given} does not exist; pack one with: dotnet run --project src/Charmarr.Cli -c Release -- pack charms/plex-k8s");
        }

        var root = RepositoryRoot();
        var packed = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(Path.Combine(root, "charms", "plex-k8s"), Path.Combine(root, "artifacts", "charms"), cancellationToken);
        return packed.Count > 0 ? packed[0] : throw new BenchException("charmarr pack produced no amd64 .charm for plex-k8s");
    }

    /// <summary>Unpacks <paramref name="charm"/> into a new directory under <paramref name="workDirectory"/>.</summary>
    public static string Unpack(string charm, string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "charm");
        Directory.CreateDirectory(directory);
        CharmArchive.Extract(charm, directory);
        return directory;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        throw new BenchException("run the benchmark inside the Charmarr.Ops repository (no Charmarr.sln above this directory), or give --charm path.charm");
    }
}
