using System.Xml.Linq;

namespace Charmarr.Bench;

/// <summary>The Charmarr.Ops checkout the benchmark runs in: found above the current directory.</summary>
internal static class Repository
{
    /// <summary>The folder holding Charmarr.sln.</summary>
    /// <exception cref="BenchException">The benchmark runs outside the repository.</exception>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        throw new BenchException("run the benchmark inside the Charmarr.Ops repository (no Charmarr.sln above this directory), or give the packed charms with --charm and --template-charm");
    }

    /// <summary>Where fresh packs are kept, so the next run can skip them.</summary>
    public static string PackedCharms(string root) => Path.Combine(root, "artifacts", "charms");

    /// <summary>The version every package of the repository carries (Directory.Build.props).</summary>
    public static string VersionPrefix(string root) =>
        XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
}
