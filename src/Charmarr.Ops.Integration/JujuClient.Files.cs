using Charmarr.Ops.Integration.Cli;

namespace Charmarr.Ops.Integration;

public sealed partial class JujuClient
{
    /// <summary>Writes <paramref name="content"/> to a file only this user can read, runs <paramref name="use"/> with
    /// its path, and deletes it, so parameters and secret content never appear in argv or linger on disk.</summary>
    private async Task<T> WithTemporaryFileAsync<T>(string content, Func<string, Task<T>> use)
    {
        var directory = TemporaryDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"charmarr-{Guid.NewGuid():N}.json");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), file))
            {
                await writer.WriteAsync(content);
            }

            return await use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private string TemporaryDirectory()
    {
        if (options.TemporaryDirectory is not null)
        {
            return options.TemporaryDirectory;
        }

        var binary = options.Runner is null ? options.BinaryPath ?? JujuExecutable.Find() : options.BinaryPath;
        return binary is not null && binary.Contains("/snap/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "snap", "juju", "common")
            : Path.GetTempPath();
    }
}
