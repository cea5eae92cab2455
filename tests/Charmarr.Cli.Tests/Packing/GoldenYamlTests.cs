using Charmarr.Cli.Packing;
using Charmarr.Cli.Tests.Fixtures;
using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Tests.Packing;

/// <summary>The YAML charmarr pack generates from charmcraft.yaml, against reviewed golden files, and read back by the
/// framework's own packed-charm reader to the same metadata as the source.</summary>
public sealed class GoldenYamlTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "sample", "metadata.yaml" }, { "sample", "config.yaml" }, { "sample", "actions.yaml" },
        { "rich", "metadata.yaml" }, { "rich", "config.yaml" }, { "rich", "actions.yaml" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_yaml_matches_the_golden_file(string charm, string file)
    {
        var project = Read(charm);

        var text = file switch
        {
            "metadata.yaml" => CharmFileRenderer.Metadata(project),
            "config.yaml" => CharmFileRenderer.Config(project),
            _ => CharmFileRenderer.Actions(project),
        };

        var golden = RepositoryPaths.Fixture("golden", charm, file);
        if (Environment.GetEnvironmentVariable("CHARMARR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(Path.Combine(RepositoryPaths.Root, "tests", "Charmarr.Cli.Tests", "Fixtures", "golden", charm, file), text);
        }

        Assert.Equal(File.ReadAllText(golden), text);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("rich")]
    public void The_packed_files_read_back_to_the_metadata_of_the_source(string charm)
    {
        var project = Read(charm);

        var packed = CharmMetadata.ParsePacked(CharmFileRenderer.Metadata(project), CharmFileRenderer.Config(project), CharmFileRenderer.Actions(project));

        var source = project.Metadata;
        Assert.Equal(source.Name, packed.Name);
        Assert.Equal(source.Summary, packed.Summary);
        Assert.Equal(source.Description, packed.Description);
        Assert.Equal(source.Relations, packed.Relations);
        Assert.Equal(source.Storage, packed.Storage);
        Assert.Equal(source.Resources, packed.Resources);
        Assert.Equal(source.Containers.Keys, packed.Containers.Keys);
        Assert.Equal(source.Containers.Values.SelectMany(c => c.Mounts), packed.Containers.Values.SelectMany(c => c.Mounts));
        Assert.Equal(source.Config.Values.Select(c => (c.Name, c.Type, c.Default?.ToJsonString(), c.Description)), packed.Config.Values.Select(c => (c.Name, c.Type, c.Default?.ToJsonString(), c.Description)));
        Assert.Equal(source.Actions.Values.Select(a => (a.Name, a.Description, string.Join(",", a.Required), a.AdditionalProperties, string.Join(",", a.Params.Keys))), packed.Actions.Values.Select(a => (a.Name, a.Description, string.Join(",", a.Required), a.AdditionalProperties, string.Join(",", a.Params.Keys))));
    }

    [Fact]
    public void Manifest_lists_the_base_and_architecture()
    {
        var manifest = CharmFileRenderer.Manifest(new CharmBase("ubuntu", "24.04", "amd64"), new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero), "charmarr 0.1.0");

        Assert.Contains("charmcraft-started-at: 2026-11-24T01:02:03.000000Z\n", manifest, StringComparison.Ordinal);
        Assert.Contains("bases:\n  - name: ubuntu\n    channel: \"24.04\"\n    architectures:\n      - amd64\n", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Platforms_give_one_base_per_architecture_and_the_archive_name()
    {
        var project = Read("rich");

        Assert.Equal([new CharmBase("ubuntu", "24.04", "amd64"), new CharmBase("ubuntu", "24.04", "arm64")], project.Bases);
        Assert.Equal("media-box_ubuntu@24.04-amd64.charm", project.Bases[0].ArchiveName("media-box"));
    }

    private static CharmcraftProject Read(string charm) =>
        CharmcraftReader.Parse(File.ReadAllText(RepositoryPaths.Fixture(charm, "charmcraft.yaml")));
}
