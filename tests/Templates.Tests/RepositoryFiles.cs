using System.Xml.Linq;

namespace Charmarr.Templates.Tests;

/// <summary>Paths and settings of this repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string TemplateDirectory => Path.Combine(Root, "templates", "charmarr-charm");

    /// <summary>The version every package of this repository carries (Directory.Build.props).</summary>
    public static string VersionPrefix =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    /// <summary>Package id → version pinned in a central package management file.</summary>
    public static IReadOnlyDictionary<string, string> PackageVersions(string directoryPackagesProps) =>
        XDocument.Load(directoryPackagesProps).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Charmarr.sln above {AppContext.BaseDirectory}; run the tests from the repository");
    }
}
