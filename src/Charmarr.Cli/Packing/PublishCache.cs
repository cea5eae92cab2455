namespace Charmarr.Cli.Packing;

/// <summary>
/// The last publish of a charm, kept in one folder (<c>.charmarr/publish</c> beside charmcraft.yaml): the native binary
/// and <c>inputs.sha256</c>, the <see cref="PublishInputs"/> hash it was built from and the binary's name. A pack whose
/// inputs hash the same reuses the binary instead of publishing again.
/// </summary>
/// <param name="Directory">The cache folder.</param>
internal sealed record PublishCache(string Directory)
{
    private const string StampFile = "inputs.sha256";

    /// <summary>The cache folder of a charm: <c>&lt;charm dir&gt;/.charmarr/publish</c>.</summary>
    /// <param name="charmDirectory">The folder holding charmcraft.yaml.</param>
    /// <returns>The cache.</returns>
    public static PublishCache For(string charmDirectory) => new(Path.Combine(charmDirectory, ".charmarr", "publish"));

    /// <summary>The cached binary when it was built from inputs hashing to <paramref name="hash"/>; otherwise null.</summary>
    /// <param name="hash">The current inputs' hash.</param>
    /// <returns>The binary's path, or null on a miss.</returns>
    public string? Find(string hash)
    {
        var stamp = Path.Combine(Directory, StampFile);
        if (!File.Exists(stamp))
        {
            return null;
        }

        var lines = File.ReadAllLines(stamp);
        if (lines.Length < 2 || lines[0] != hash || lines[1].Length == 0 || lines[1].Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var binary = Path.Combine(Directory, lines[1]);
        return File.Exists(binary) ? binary : null;
    }

    /// <summary>Keeps <paramref name="binary"/> as the publish of inputs hashing to <paramref name="hash"/>, and returns the kept copy.</summary>
    /// <param name="hash">The inputs' hash.</param>
    /// <param name="binary">The freshly published binary.</param>
    /// <returns>The path of the copy in the cache.</returns>
    public string Store(string hash, string binary)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = Path.GetFileName(binary);
        var stamp = Path.Combine(Directory, StampFile);
        File.Delete(stamp); // never a stamp naming a binary that is being replaced
        var kept = Path.Combine(Directory, name);
        var temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}");
        File.Copy(binary, temporary);
        File.Move(temporary, kept, overwrite: true);
        var temporaryStamp = Path.Combine(Directory, $".{StampFile}.{Guid.NewGuid():N}");
        File.WriteAllLines(temporaryStamp, [hash, name]);
        File.Move(temporaryStamp, stamp, overwrite: true);
        return kept;
    }
}
