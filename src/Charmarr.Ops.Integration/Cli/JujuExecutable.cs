namespace Charmarr.Ops.Integration.Cli;

/// <summary>Finds the <c>juju</c> binary on a <c>PATH</c>.</summary>
public static class JujuExecutable
{
    /// <summary>The binary's name.</summary>
    public const string Name = "juju";

    /// <summary>The first executable file named <c>juju</c> in the directories of a <c>PATH</c> value.</summary>
    /// <param name="path">A <c>PATH</c> value; <see langword="null"/> reads this process's.</param>
    /// <returns>Its full path, or <see langword="null"/> when no directory has one.</returns>
    public static string? Find(string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Name);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether a path is an existing file with an execute bit (any file on Windows).</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> when it can be run.</returns>
    public static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
