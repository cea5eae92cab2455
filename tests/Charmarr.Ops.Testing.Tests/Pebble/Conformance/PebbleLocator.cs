namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// Finds a real Pebble binary: <see cref="Variable"/>, then <c>../shared/tools/pebble/pebble</c> beside the repository
/// root (the directory holding <c>Charmarr.sln</c>), then <c>pebble</c> on <c>PATH</c>.
/// </summary>
internal static class PebbleLocator
{
    /// <summary>The environment variable naming the Pebble binary to test against.</summary>
    public const string Variable = "CHARMARR_PEBBLE";

    /// <summary>The binary found, or null with the reason none was.</summary>
    public static (string? Path, string Reason) Locate()
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            if (IsExecutable(named))
            {
                return (Path.GetFullPath(named), $"{Variable}={named}");
            }

            tried.Add($"{Variable}={named} (not an executable file)");
        }
        else
        {
            tried.Add($"{Variable} (not set)");
        }

        if (RepositoryRoot() is { } root)
        {
            var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "tools", "pebble", "pebble"));
            if (IsExecutable(shared))
            {
                return (shared, shared);
            }

            tried.Add(shared);
        }
        else
        {
            tried.Add("../shared/tools/pebble/pebble (no Charmarr.sln above " + AppContext.BaseDirectory + ")");
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "pebble");
            if (IsExecutable(candidate))
            {
                return (candidate, candidate);
            }
        }

        tried.Add("pebble on PATH");
        return (null, "no real Pebble binary found; tried " + string.Join(", ", tried));
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
