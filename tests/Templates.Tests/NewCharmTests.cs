using System.Text.RegularExpressions;

namespace Charmarr.Templates.Tests;

/// <summary>The charm <c>dotnet new charmarr-charm -n my-app</c> makes, built and tested against the local packages.</summary>
[Collection(TemplateGroup.Name)]
public sealed partial class NewCharmTests(TemplateFixture fixture)
{
    [Fact]
    public void The_charm_is_named_in_kebab_case_and_its_code_in_PascalCase()
    {
        var charmcraft = File.ReadAllText(Path.Combine(fixture.CharmDirectory, "charmcraft.yaml"));

        Assert.StartsWith("name: my-app\n", charmcraft, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(fixture.CharmDirectory, "MyApp.slnx")));
        Assert.True(File.Exists(Path.Combine(fixture.CharmDirectory, "src", "MyApp", "MyApp.csproj")));
        Assert.True(File.Exists(Path.Combine(fixture.CharmDirectory, "tests", "MyApp.Tests", "MyApp.Tests.csproj")));
        Assert.True(File.Exists(Path.Combine(fixture.CharmDirectory, "tests", "MyApp.IntegrationTests", "MyApp.IntegrationTests.csproj")));
        var charm = File.ReadAllText(Path.Combine(fixture.CharmDirectory, "src", "MyApp", "MyAppCharm.cs"));
        Assert.Contains("namespace MyApp;", charm, StringComparison.Ordinal);
        Assert.Contains("internal sealed class MyAppCharm : CharmBase", charm, StringComparison.Ordinal);
    }

    [Fact]
    public void No_template_token_is_left_in_any_file_name_or_content()
    {
        var files = Directory.EnumerateFiles(fixture.CharmDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            Assert.DoesNotContain("charmling", file, StringComparison.OrdinalIgnoreCase);
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("charmling", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CHARMARR_PACKAGE_VERSION", text, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(Path.Combine(fixture.CharmDirectory, ".template.config")));
        Assert.True(File.Exists(Path.Combine(fixture.CharmDirectory, ".gitignore")));
    }

    [Fact]
    public void The_charm_references_the_packages_of_this_build()
    {
        var versions = RepositoryFiles.PackageVersions(Path.Combine(fixture.CharmDirectory, "Directory.Packages.props"));
        var charmarrVersion = System.Xml.Linq.XDocument.Load(Path.Combine(fixture.CharmDirectory, "Directory.Packages.props"))
            .Descendants("CharmarrVersion").Single().Value;

        Assert.Equal(fixture.Version, charmarrVersion);
        Assert.Equal("$(CharmarrVersion)", versions["Charmarr.Ops"]);
        Assert.Equal("$(CharmarrVersion)", versions["Charmarr.Ops.Testing"]);
    }

    [Fact]
    public void The_charm_builds_with_warnings_as_errors_and_every_one_of_its_tests_passes()
    {
        // Unit tests must all pass; the integration tests need a Juju controller, so here (no juju on PATH) each one
        // is skipped with its reason and none fails.
        var unit = DeclaredTestCases(Path.Combine(fixture.CharmDirectory, "tests", "MyApp.Tests"));
        var integration = DeclaredTestCases(Path.Combine(fixture.CharmDirectory, "tests", "MyApp.IntegrationTests"));

        var summaries = Summary().Matches(fixture.TestOutput);
        int Sum(string group) => summaries.Sum(m => int.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(summaries.Count == 2, $"expected a test summary per test project in:\n{fixture.TestOutput}");
        Assert.Equal(0, Sum("failed"));
        Assert.Equal(unit, Sum("passed"));
        Assert.Equal(integration, Sum("skipped"));
        Assert.True(unit > 0);
        Assert.True(integration > 0);
        Assert.DoesNotContain(" warning ", fixture.TestOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charm_project_fails_its_native_publish_on_any_trim_or_AOT_warning()
    {
        var output = await DotnetCli.RunAsync(fixture.CharmDirectory, "msbuild", Path.Combine("src", "MyApp", "MyApp.csproj"),
            "-getProperty:PublishAot", "-getProperty:TreatWarningsAsErrors", "-getProperty:IlcTreatWarningsAsErrors", "-getProperty:TrimmerSingleWarn");

        var properties = System.Text.Json.Nodes.JsonNode.Parse(output)!["Properties"]!;

        Assert.Equal("true", (string?)properties["PublishAot"]);
        Assert.Equal("true", (string?)properties["TreatWarningsAsErrors"]);
        Assert.Equal("true", (string?)properties["IlcTreatWarningsAsErrors"]);
        Assert.Equal("false", (string?)properties["TrimmerSingleWarn"]);
    }

    [Fact]
    public async Task Charmarr_version_sets_the_version_of_the_referenced_packages()
    {
        var output = Path.Combine(fixture.Root, "versioned", "pinned");

        await fixture.NewCharmAsync("pinned", output, "--charmarr-version", "9.8.7-pinned");

        var version = System.Xml.Linq.XDocument.Load(Path.Combine(output, "Directory.Packages.props")).Descendants("CharmarrVersion").Single().Value;
        Assert.Equal("9.8.7-pinned", version);
    }

    private static int DeclaredTestCases(string project) => Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Sum(f => TestCase().Count(File.ReadAllText(f)));

    // A test case is a [Fact] or one [InlineData] row of a [Theory].
    [GeneratedRegex(@"^\s*\[(Fact|InlineData)[\](]", RegexOptions.Multiline)]
    private static partial Regex TestCase();

    [GeneratedRegex(@"Failed:\s*(?<failed>\d+), Passed:\s*(?<passed>\d+), Skipped:\s*(?<skipped>\d+), Total:\s*(?<total>\d+)")]
    private static partial Regex Summary();
}
