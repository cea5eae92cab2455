using System.Xml.Linq;

namespace Charmarr.Cli.Packing;

/// <summary>
/// Finds the charm's project: the one <c>.csproj</c> beside <c>charmcraft.yaml</c> (plex-k8s's layout), else the one
/// executable project in a folder of <c>src/</c> (the <c>charmarr-charm</c> template's layout: <c>src/MyApp/MyApp.csproj</c>
/// beside <c>tests/MyApp.Tests/</c>), unless the user names it with <c>--project</c>.
/// </summary>
internal static class CharmProjectLocator
{
    private const string SourceFolder = "src";

    /// <summary>The charm project's path.</summary>
    /// <param name="charmDirectory">The folder holding charmcraft.yaml.</param>
    /// <param name="explicitProject">What <c>--project</c> named (a .csproj or the folder holding one), relative to the
    /// current directory; <see langword="null"/> to look for it.</param>
    /// <returns>The full path of the .csproj.</returns>
    /// <exception cref="CliException">No project, or more than one candidate; the message says how to choose.</exception>
    public static string Find(string charmDirectory, string? explicitProject)
    {
        if (explicitProject is not null)
        {
            return Named(Path.GetFullPath(explicitProject));
        }

        var beside = Directory.GetFiles(charmDirectory, "*.csproj");
        if (beside.Length == 1)
        {
            return beside[0];
        }

        if (beside.Length > 1)
        {
            throw Ambiguous(charmDirectory, beside);
        }

        var source = Path.Combine(charmDirectory, SourceFolder);
        var underSource = Directory.Exists(source)
            ? Directory.GetDirectories(source).SelectMany(d => Directory.GetFiles(d, "*.csproj")).Order(StringComparer.Ordinal).ToArray()
            : [];
        var executables = underSource.Length == 1 ? underSource : underSource.Where(IsExecutable).ToArray();
        return executables.Length switch
        {
            1 => executables[0],
            0 when underSource.Length == 0 => throw new CliException(
                $"{charmDirectory} has no charm project: put its .csproj beside charmcraft.yaml or in src/<Name>/, or name it with --project <path/to/Charm.csproj>"),
            0 => throw new CliException(
                $"none of the projects under {source} ({Names(charmDirectory, underSource)}) declares <OutputType>Exe</OutputType>, which the charm's project needs; add it, or name the project with --project"),
            _ => throw Ambiguous(charmDirectory, executables),
        };
    }

    private static string Named(string path)
    {
        if (File.Exists(path))
        {
            return path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? path
                : throw new CliException($"--project {path} is not a .csproj file");
        }

        if (Directory.Exists(path))
        {
            var projects = Directory.GetFiles(path, "*.csproj");
            return projects.Length == 1
                ? projects[0]
                : throw new CliException($"--project {path} holds {projects.Length} .csproj files; name the file itself");
        }

        throw new CliException($"--project {path} does not exist");
    }

    // OutputType usually sits in the project file itself; one set only by an imported props file is not seen here,
    // and --project covers that case.
    private static bool IsExecutable(string project)
    {
        try
        {
            return XDocument.Load(project).Descendants()
                .Any(e => e.Name.LocalName == "OutputType" && e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Xml.XmlException e)
        {
            throw new CliException($"{project} is not valid XML: {e.Message}", e);
        }
    }

    private static CliException Ambiguous(string charmDirectory, IEnumerable<string> projects) =>
        new($"{charmDirectory} has several charm project candidates ({Names(charmDirectory, projects)}); name one with --project <path>");

    private static string Names(string charmDirectory, IEnumerable<string> projects) =>
        string.Join(", ", projects.Select(p => Path.GetRelativePath(charmDirectory, p)).Order(StringComparer.Ordinal));
}
