using System.IO.Compression;

namespace Charmarr.Cli.Packing;

/// <summary>Writes a .charm: a zip whose entries keep Unix modes in their external attributes, so Juju can run
/// <c>dispatch</c> and the binary straight after unpacking.</summary>
internal static class CharmArchive
{
    private const int RegularFile = 0x8000; // S_IFREG
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode Plain = (UnixFileMode)0b110_100_100; // 0644

    /// <summary>One file of the charm.</summary>
    /// <param name="Name">Its path inside the charm, with forward slashes.</param>
    /// <param name="Source">The file on disk to copy.</param>
    /// <param name="IsExecutable">Whether it gets mode 0755 (else 0644).</param>
    public sealed record Entry(string Name, string Source, bool IsExecutable);

    public static void Write(string path, IEnumerable<Entry> entries)
    {
        var temporary = path + ".partial";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var zipEntry = zip.CreateEntry(entry.Name, CompressionLevel.SmallestSize);
                zipEntry.ExternalAttributes = (RegularFile | (int)(entry.IsExecutable ? Executable : Plain)) << 16;
                using var target = zipEntry.Open();
                using var source = File.OpenRead(entry.Source);
                source.CopyTo(target);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Unpacks a .charm into <paramref name="directory"/>, restoring each entry's Unix mode.</summary>
    /// <param name="path">The .charm.</param>
    /// <param name="directory">Where to unpack (created).</param>
    /// <exception cref="CliException">The file is not a zip, or an entry would land outside the directory.</exception>
    public static void Extract(string path, string directory)
    {
        Directory.CreateDirectory(directory);
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new CliException($"{path}: entry '{entry.FullName}' points outside the charm; refusing to unpack it");
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
                var mode = (entry.ExternalAttributes >> 16) & 0x1FF;
                File.SetUnixFileMode(target, mode == 0 ? Plain : (UnixFileMode)mode);
            }
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{path} is not a .charm (zip) file: {e.Message}", e);
        }
    }
}
