using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Metadata;

/// <summary>Issue 15: only <see cref="CharmMetadataException"/> escapes the metadata parser, whatever the input.</summary>
public sealed class MetadataParsingHardeningTests
{
    private static CharmMetadataException Fails(string yaml) =>
        Assert.Throws<CharmMetadataException>(() => CharmMetadata.ParseCharmcraft(yaml));

    [Fact]
    public void A_mapping_used_as_a_mapping_key_is_a_metadata_error_at_its_line()
    {
        var ex = Fails("name: x\nrequires:\n  ? {a: 1}\n  : {interface: y}\n");

        Assert.Equal(3, ex.Line);
        Assert.Contains("a mapping key must be a string", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_used_as_a_key_deep_in_config_is_a_metadata_error()
    {
        var ex = Fails("name: x\nconfig:\n  options:\n    port:\n      type: int\n      ? [1, 2]\n      : z\n");

        Assert.Contains("a mapping key must be a string", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17_500)]
    [InlineData(65)]
    public void Deeply_nested_yaml_is_refused_instead_of_overflowing_the_stack(int depth)
    {
        var yaml = "name: x\nsummary: " + new string('{', depth).Replace("{", "{a: ", StringComparison.Ordinal) + "1" + new string('}', depth) + "\n";

        var ex = Fails(yaml);

        Assert.Contains("nested deeper than 64 levels", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_flow_lists_are_refused_too()
    {
        var ex = Fails("name: x\nlinks: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        Assert.Contains("nested deeper than", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var yaml = "name: x\nlinks: " + new string('[', 60) + new string(']', 60) + "\n";

        Assert.Equal("x", CharmMetadata.ParseCharmcraft(yaml).Name);
    }

    [Theory]
    [InlineData("name: x\nname: y\n")]
    [InlineData("name: x\nrequires:\n  db: {interface: a}\n  db: {interface: b}\n")]
    [InlineData("name: x\nsummary: *nowhere\n")]
    [InlineData("name: x\nsummary: [a, b\n")]
    public void Yaml_the_library_refuses_is_a_metadata_error(string yaml)
    {
        var ex = Fails(yaml);

        Assert.Contains("not valid YAML", ex.Problem, StringComparison.Ordinal);
    }
}
