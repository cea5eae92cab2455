using System.Xml.Linq;

namespace Charmarr.Templates.Tests;

/// <summary>The README's "Start a new charm" works as written: the fixture runs its bash blocks verbatim in a fresh clone
/// with a private HOME, NuGet cache and template hive; these check what that run did.</summary>
[Collection(TemplateGroup.Name)]
public sealed class ReadmeTests(TemplateFixture fixture)
{
    private static string Readme => File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

    [Fact]
    public void The_fixture_ran_every_block_of_the_section_verbatim()
    {
        var blocks = ReadmeBlocks.Bash(Readme, TemplateFixture.StartSection);

        Assert.True(blocks.Count >= 2, "the section shows the charm's creation and the tool's install");
        Assert.All(blocks, block => Assert.Contains(block, fixture.ReadmeScript, StringComparison.Ordinal));
    }

    [Fact]
    public void The_section_packs_installs_the_template_creates_tests_installs_the_tool_packs_and_simulates()
    {
        string[] expected =
        [
            "dotnet pack Charmarr.sln -c Release -o artifacts/packages",
            $"dotnet new install artifacts/packages/Charmarr.Templates.{fixture.Version}.nupkg",
            $"dotnet new charmarr-charm -n {TemplateFixture.CharmArgument} --feed {fixture.Feed}",
            $"cd {TemplateFixture.CharmArgument}",
            "dotnet test",
            "dotnet tool install --global Charmarr.Cli",
            "charmarr pack .",
            "charmarr simulate",
        ];

        var commands = fixture.Steps.Select(s => s.Command).ToList();

        Assert.All(expected, start => Assert.Contains(commands, c => c.StartsWith(start, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_packages_block_is_how_the_section_begins()
    {
        // The section's first block packs; a later one (the public API files) is about something else.
        var packages = ReadmeBlocks.Commands(ReadmeBlocks.Bash(Readme, "Packages")[0]);
        var start = ReadmeBlocks.Bash(Readme, TemplateFixture.StartSection).SelectMany(ReadmeBlocks.Commands).ToList();

        Assert.NotEmpty(packages);
        Assert.Equal(packages, start.Take(packages.Count));
    }

    [Fact]
    public void The_new_charm_restored_Charmarr_Ops_from_the_feed_into_the_private_cache_through_its_nuget_config()
    {
        var config = XDocument.Load(Path.Combine(fixture.CharmDirectory, "nuget.config"));
        var sources = config.Descendants("packageSources").Elements("add").Select(a => (string?)a.Attribute("value")).ToList();

        Assert.Equal([fixture.Feed], sources);
        Assert.Empty(config.Descendants("clear"));
        Assert.True(Directory.Exists(Path.Combine(fixture.PackagesFolder, "charmarr.ops", fixture.Version)));
        Assert.True(File.Exists(Path.Combine(fixture.Charmarr)));
    }

    [Fact]
    public async Task Without_feed_the_template_writes_no_nuget_config()
    {
        var output = Path.Combine(fixture.Root, "nofeed", "plain");

        await fixture.NewCharmAsync("plain", output);

        Assert.True(File.Exists(Path.Combine(output, "charmcraft.yaml")));
        Assert.False(File.Exists(Path.Combine(output, "nuget.config")));
    }
}
