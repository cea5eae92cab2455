using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Metadata;

/// <summary><see cref="CharmMetadata.Load"/> on charm directories.</summary>
public sealed class CharmMetadataLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("charmarr-meta-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    [Fact]
    public void Loads_charmcraft_yaml_from_a_charm_source()
    {
        Write("charmcraft.yaml", "name: from-charmcraft\nconfig:\n  options:\n    port:\n      type: int\n");
        var meta = CharmMetadata.Load(_dir);
        Assert.Equal("from-charmcraft", meta.Name);
        Assert.Equal(ConfigOptionType.Int, meta.Config["port"].Type);
    }

    [Fact]
    public void Prefers_metadata_yaml_and_reads_config_and_actions_beside_it()
    {
        Write("charmcraft.yaml", "name: from-charmcraft\n");
        Write("metadata.yaml", "name: from-metadata\n");
        Write("config.yaml", "options:\n  debug:\n    type: boolean\n    default: true\n");
        Write("actions.yaml", "backup:\n  description: Backs up.\n");
        var meta = CharmMetadata.Load(_dir);
        Assert.Equal("from-metadata", meta.Name);
        Assert.True(meta.Config["debug"].Default!.GetValue<bool>());
        Assert.Equal("Backs up.", meta.Actions["backup"].Description);
    }

    [Fact]
    public void Metadata_yaml_without_config_or_actions_loads()
    {
        Write("metadata.yaml", "name: bare\n");
        var meta = CharmMetadata.Load(_dir);
        Assert.Equal("bare", meta.Name);
        Assert.Empty(meta.Config);
        Assert.Empty(meta.Actions);
    }

    [Fact]
    public void Neither_file_present_is_refused_naming_the_directory()
    {
        var ex = Assert.Throws<CharmMetadataException>(() => CharmMetadata.Load(_dir));
        Assert.Contains(_dir, ex.Message);
        Assert.Contains("metadata.yaml", ex.Message);
        Assert.Contains("charmcraft.yaml", ex.Message);
    }

    [Fact]
    public void Error_in_a_loaded_file_names_that_file()
    {
        Write("metadata.yaml", "name: x\n");
        Write("config.yaml", "options:\n  port:\n    default: 1\n");
        var ex = Assert.Throws<CharmMetadataException>(() => CharmMetadata.Load(_dir));
        Assert.Equal("config.yaml", ex.File);
        Assert.Equal(3, ex.Line);
    }
}
