using System.Text;

namespace Charmarr.Ops.HookTools;

/// <summary>
/// Secret values on their way to <c>secret-add</c>/<c>secret-set</c>: each is written to its own file (mode 0600)
/// in a private temporary directory (mode 0700) and passed as <c>key#file=/absolute/path</c>, so values never
/// appear on a command line. Disposing deletes the directory and everything in it.
/// </summary>
internal sealed class SecretFiles : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private DirectoryInfo? _directory;

    /// <summary>The private directory, once a value has been written; for tests.</summary>
    internal string? DirectoryPath => _directory?.FullName;

    /// <summary>Writes each value to a file and returns the <c>key#file=path</c> arguments.</summary>
    /// <param name="content">Validated secret content: keys are safe file names.</param>
    /// <returns>One argument per key.</returns>
    public List<string> Write(IReadOnlyDictionary<string, string> content)
    {
        // CreateTempSubdirectory makes the directory readable by its owner only on Unix.
        _directory ??= Directory.CreateTempSubdirectory("charmarr-secret-");
        var args = new List<string>(content.Count);
        foreach (var (key, value) in content)
        {
            var path = Path.GetFullPath(Path.Combine(_directory.FullName, key));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(Utf8NoBom.GetBytes(value));
            }

            args.Add($"{key}#file={path}");
        }

        return args;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the directory is private to this user and under the temp dir.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _directory = null;
    }
}
