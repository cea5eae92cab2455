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

        var root = Repository.Root();
        var packed = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(Path.Combine(root, "charms", "plex-k8s"), Repository.PackedCharms(root), cancellationToken);
        return packed.Count > 0 ? packed[0] : throw new BenchException("charmarr pack produced no amd64 .charm for plex-k8s");
    }

    /// <summary>Unpacks <paramref name="charm"/> into a new directory <paramref name="name"/> under <paramref name="workDirectory"/>.</summary>
    public static string Unpack(string charm, string workDirectory, string name)
    {
        var directory = Path.Combine(workDirectory, name);
        Directory.CreateDirectory(directory);
        CharmArchive.Extract(charm, directory);
        return directory;
    }
}
