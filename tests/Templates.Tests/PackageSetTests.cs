using System.Text.Json.Nodes;

namespace Charmarr.Templates.Tests;

/// <summary>What <c>dotnet pack Charmarr.sln</c> makes: the seven packages, and nothing test-only.</summary>
public sealed class PackageSetTests
{
    [Fact]
    public async Task Exactly_the_seven_shipped_projects_of_the_solution_are_packable()
    {
        var listing = await DotnetCli.RunAsync(RepositoryFiles.Root, "sln", "Charmarr.sln", "list");
        var projects = listing.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.EndsWith(".csproj", StringComparison.Ordinal)).ToList();

        var packable = new List<string>();
        foreach (var project in projects)
        {
            var output = await DotnetCli.RunAsync(RepositoryFiles.Root, "msbuild", project, "-getProperty:IsPackable", "-getProperty:PackageId");
            var properties = JsonNode.Parse(output)!["Properties"]!;
            if ((string?)properties["IsPackable"] == "true")
            {
                packable.Add((string)properties["PackageId"]!);
            }
        }

        Assert.True(projects.Count > 10, $"too few projects listed:\n{listing}");
        Assert.Equal(
            ["Charmarr.Cli", "Charmarr.Interfaces", "Charmarr.Ops", "Charmarr.Ops.Integration", "Charmarr.Ops.Integration.Xunit", "Charmarr.Ops.Testing", "Charmarr.Templates"],
            packable.Order(StringComparer.Ordinal));
    }
}
