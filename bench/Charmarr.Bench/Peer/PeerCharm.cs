namespace Charmarr.Bench.Peer;

/// <summary>
/// The Python ops peer charm (<c>../shared/peers/python-ops-plex</c> beside the checkout, or <c>--peer</c>): a minimal
/// Plex-shaped charm on Python <c>ops</c>, laid out as Juju unpacks a charm. The benchmark runs a writable copy whose
/// <c>venv/bin/python*</c> are links to the interpreter its <c>pyvenv.cfg</c> names (the shared copy stores them as
/// plain files), with ops' <c>.unit-state.db</c> removed so the copy starts as a fresh unit.
/// </summary>
internal static class PeerCharm
{
    /// <summary>The folder name of the copy, which is also how the stand-in hook tools tell its calls apart.</summary>
    public const string DirectoryName = "python-ops-plex";

    /// <summary>The default location, relative to the repository's root.</summary>
    public static string DefaultPath(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "peers", DirectoryName));

    /// <summary>Copies the peer under <paramref name="workDirectory"/> ready to run, or says why it cannot run here.</summary>
    /// <param name="source">The peer's folder.</param>
    /// <param name="workDirectory">Where the copy goes.</param>
    /// <returns>The copy's folder, or the reason there is none.</returns>
    public static (string? Directory, string? Problem) Prepare(string source, string workDirectory)
    {
        if (!File.Exists(Path.Combine(source, "dispatch")) || !File.Exists(Path.Combine(source, "src", "charm.py")))
        {
            return (null, $"the Python ops peer is not at {source} (no dispatch and src/charm.py there); give its folder with --peer");
        }

        var interpreter = Interpreter(Path.Combine(source, "venv", "pyvenv.cfg"));
        if (interpreter is null)
        {
            return (null, $"the peer's venv names no interpreter it can run with: {Path.Combine(source, "venv", "pyvenv.cfg")} has no 'executable' that exists and python3 is not on PATH (apt-get install python3)");
        }

        var copy = Path.Combine(workDirectory, DirectoryName);
        Copy(source, copy);
        File.Delete(Path.Combine(copy, ".unit-state.db"));
        var bin = Path.Combine(copy, "venv", "bin");
        foreach (var name in (string[])["python", "python3", $"python{Version(interpreter)}"])
        {
            var link = Path.Combine(bin, name);
            File.Delete(link);
            File.CreateSymbolicLink(link, interpreter);
        }

        return (copy, null);
    }

    /// <summary>The interpreter a venv's <c>pyvenv.cfg</c> names (its <c>executable</c>, else <c>home</c>/python3), when it exists,
    /// else python3 from PATH.</summary>
    /// <param name="pyvenvCfg">The file.</param>
    /// <returns>The interpreter's path, or <see langword="null"/>.</returns>
    public static string? Interpreter(string pyvenvCfg)
    {
        var settings = File.Exists(pyvenvCfg) ? ParseCfg(File.ReadAllLines(pyvenvCfg)) : new Dictionary<string, string>(StringComparer.Ordinal);
        string?[] candidates =
        [
            settings.GetValueOrDefault("executable"),
            settings.TryGetValue("home", out var home) ? Path.Combine(home, "python3") : null,
            .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "python3")),
        ];
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c));
    }

    /// <summary>The <c>key = value</c> lines of a <c>pyvenv.cfg</c>.</summary>
    /// <param name="lines">The file's lines.</param>
    /// <returns>The settings.</returns>
    public static Dictionary<string, string> ParseCfg(IEnumerable<string> lines)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                settings[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return settings;
    }

    // "python3.11" for /usr/bin/python3.11; "3" when the name carries no minor version.
    private static string Version(string interpreter)
    {
        var name = Path.GetFileName(Path.GetFullPath(interpreter));
        return name.StartsWith("python", StringComparison.Ordinal) && name.Length > "python".Length ? name["python".Length..] : "3";
    }

    private static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, target, overwrite: true);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file) | UnixFileMode.UserWrite);
        }
    }
}
