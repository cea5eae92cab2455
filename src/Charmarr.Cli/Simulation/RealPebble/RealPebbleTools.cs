namespace Charmarr.Cli.Simulation.RealPebble;

/// <summary>
/// The programs <c>--pebble real</c> needs: a Pebble binary, and bubblewrap (<c>bwrap</c>) to run it in a private root so
/// the charm's chores (a recursive chown, account files) never act on this machine.
/// </summary>
/// <param name="Pebble">The Pebble binary.</param>
/// <param name="Bwrap">The bwrap binary.</param>
internal sealed record RealPebbleTools(string Pebble, string Bwrap)
{
    /// <summary>The variable naming the Pebble binary when <c>--pebble-binary</c> is not given.</summary>
    public const string PebbleVariable = "CHARMARR_PEBBLE";

    /// <summary>Where the Charmarr.Ops repository's tests find the Pebble they are checked against, from the repository.</summary>
    public const string RepositoryRelativePebble = "../shared/tools/pebble/pebble";

    /// <summary>
    /// Finds Pebble (<paramref name="pebbleBinary"/>, then <see cref="PebbleVariable"/>, then
    /// <see cref="RepositoryRelativePebble"/> from a Charmarr.Ops checkout above the current directory or the tool, then
    /// <c>pebble</c> on PATH) and <c>bwrap</c> on PATH, and checks this process may use them (root).
    /// </summary>
    /// <param name="pebbleBinary">The <c>--pebble-binary</c> option, if given.</param>
    /// <returns>The tools.</returns>
    /// <exception cref="CliException">One is missing, with a one-line message saying where it was looked for.</exception>
    public static RealPebbleTools Find(string? pebbleBinary)
    {
        if (TryFind(pebbleBinary, out var tools, out var problem))
        {
            return tools;
        }

        throw new CliException(problem);
    }

    /// <summary>As <see cref="Find"/>, without throwing: tests skip with <paramref name="problem"/> as the reason.</summary>
    /// <param name="pebbleBinary">The <c>--pebble-binary</c> option, if given.</param>
    /// <param name="tools">The tools, when found.</param>
    /// <param name="problem">Why not, when not.</param>
    /// <returns>Whether both were found and can be used.</returns>
    public static bool TryFind(string? pebbleBinary, out RealPebbleTools tools, out string problem)
    {
        tools = null!;
        var pebble = FindPebble(pebbleBinary, out problem);
        if (pebble is null)
        {
            return false;
        }

        if (OnPath("bwrap") is not { } bwrap)
        {
            problem = "--pebble real needs bubblewrap (bwrap) on PATH to give each container's Pebble a private root; install it (Debian/Ubuntu: sudo apt-get install bubblewrap)";
            return false;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            problem = "--pebble real runs as root: bwrap mounts each container's private root and Pebble gives files to the workload's uid:gid there";
            return false;
        }

        tools = new RealPebbleTools(pebble, bwrap);
        problem = "";
        return true;
    }

    private static string? FindPebble(string? pebbleBinary, out string problem)
    {
        problem = "";
        if (pebbleBinary is { Length: > 0 })
        {
            return Executable(pebbleBinary) ? Path.GetFullPath(pebbleBinary) : Missing(out problem, $"--pebble-binary {pebbleBinary} is not an executable file");
        }

        if (Environment.GetEnvironmentVariable(PebbleVariable) is { Length: > 0 } variable)
        {
            return Executable(variable) ? Path.GetFullPath(variable) : Missing(out problem, $"{PebbleVariable}={variable} is not an executable file");
        }

        foreach (var repository in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }.Select(RepositoryAbove).OfType<string>())
        {
            var candidate = Path.GetFullPath(Path.Combine(repository, RepositoryRelativePebble));
            if (Executable(candidate))
            {
                return candidate;
            }
        }

        return OnPath("pebble")
            ?? Missing(out problem, $"no Pebble binary for --pebble real: give --pebble-binary <path>, set {PebbleVariable}, or put pebble at {RepositoryRelativePebble} beside the repository or on PATH");
    }

    private static string? Missing(out string problem, string text)
    {
        problem = text;
        return null;
    }

    private static string? RepositoryAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(Executable);

    private static bool Executable(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
