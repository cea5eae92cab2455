using Charmarr.Cli;
using Charmarr.Cli.Packing;

namespace Charmarr.Bench.Hooks;

/// <summary>A packed charm of this checkout: the one given on the command line, or a fresh <c>charmarr pack</c> of its folder.</summary>
internal static class CharmSource
{
    /// <summary>plex-k8s: the one given with <c>--charm</c>, or a fresh pack of charms/plex-k8s.</summary>
    public static Task<string> PackedAsync(string? given, CancellationToken cancellationToken) =>
        PackedAsync(given, "--charm", Path.Combine("charms", "plex-k8s"), cancellationToken);

    /// <summary>The .charm to measure; a fresh pack goes to artifacts/charms so the next run can skip it with <paramref name="option"/>.</summary>
    /// <param name="given">The .charm given with <paramref name="option"/>, or <see langword="null"/> to pack one.</param>
    /// <param name="option">The command-line option that gives it.</param>
    /// <param name="folder">The charm's folder (the one holding charmcraft.yaml), relative to the repository.</param>
    /// <param name="cancellationToken">Stops the pack.</param>
    public static async Task<string> PackedAsync(string? given, string option, string folder, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new BenchException($"{option} {given} does not exist; pack one with: dotnet run --project src/Charmarr.Cli -c Release -- pack {folder}");
        }

        var root = Repository.Root();
        var packed = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(Path.Combine(root, folder), Repository.PackedCharms(root), cancellationToken);
        return packed.Count > 0 ? packed[0] : throw new BenchException($"charmarr pack produced no amd64 .charm for {folder}");
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
