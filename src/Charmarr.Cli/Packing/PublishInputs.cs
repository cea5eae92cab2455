using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Charmarr.Cli.Packing;

/// <summary>
/// What a charm's Native AOT publish depends on, as one hash: the source and project files (<c>*.cs</c>, <c>*.csproj</c>,
/// <c>*.props</c>, <c>*.targets</c>, <c>*.json</c>, <c>charmcraft.yaml</c>) under the charm's folder, the project's folder
/// and each project it references (recursively), the <c>Directory.*.props</c>/<c>.targets</c>, <c>global.json</c> and
/// <c>nuget.config</c> in and above those folders, the SDK version and the publish switches. <c>bin/</c>, <c>obj/</c> and hidden folders
/// are skipped; any other file (README, images, the story) does not count.
/// </summary>
internal static class PublishInputs
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets", ".json"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "artifacts", "TestResults", "node_modules"];
    private static readonly string[] AncestorFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>The hash of every input of publishing <paramref name="project"/> for the charm in <paramref name="charmDirectory"/>.</summary>
    /// <param name="charmDirectory">The folder holding charmcraft.yaml.</param>
    /// <param name="project">The charm's .csproj.</param>
    /// <param name="sdkVersion">The .NET SDK that publishes (<c>dotnet --version</c> in the project's folder).</param>
    /// <returns>A lower-case hex SHA-256.</returns>
    public static string Hash(string charmDirectory, string project, string sdkVersion)
    {
        var files = Files(charmDirectory, project);
        var text = new StringBuilder()
            .Append("sdk ").Append(sdkVersion).Append('\n')
            .Append("tool ").Append(ToolVersion.Current).Append('\n')
            .Append("switches ").AppendJoin(' ', AotPublisher.Properties).Append('\n');
        foreach (var file in files)
        {
            text.Append(file).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The files that count, full paths in ordinal order.</summary>
    /// <param name="charmDirectory">The folder holding charmcraft.yaml.</param>
    /// <param name="project">The charm's .csproj.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<string> Files(string charmDirectory, string project)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(charmDirectory) };
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!projects.Add(next) || !File.Exists(next))
            {
                continue;
            }

            folders.Add(Path.GetDirectoryName(next)!);
            foreach (var reference in References(next))
            {
                pending.Push(reference);
            }
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            AddSources(folder, files);
            for (var up = new DirectoryInfo(folder); up is not null; up = up.Parent)
            {
                foreach (var name in AncestorFiles)
                {
                    var candidate = Path.Combine(up.FullName, name);
                    if (File.Exists(candidate))
                    {
                        files.Add(candidate);
                    }
                }
            }
        }

        return [.. files];
    }

    private static List<string> References(string project)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(project);
        }
        catch (System.Xml.XmlException e)
        {
            throw new CliException($"{project}: not valid XML: {e.Message}", e);
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .OfType<string>()
            .Where(include => !include.Contains("$(", StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', '/'))))
            .ToList();
    }

    private static void AddSources(string folder, SortedSet<string> files)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name == "charmcraft.yaml" || SourceExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            {
                files.Add(file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                AddSources(sub, files);
            }
        }
    }
}
