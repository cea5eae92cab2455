using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Metadata;

/// <summary>Metadata errors name the file and the line at fault.</summary>
public sealed class CharmMetadataErrorTests
{
    private static CharmMetadataException Fails(string yaml) =>
        Assert.Throws<CharmMetadataException>(() => CharmMetadata.ParseCharmcraft(yaml));

    [Fact]
    public void Missing_name_is_refused()
    {
        var ex = Fails("summary: no name\n");
        Assert.Equal("charmcraft.yaml", ex.File);
        Assert.Equal(1, ex.Line);
        Assert.Contains("'name'", ex.Problem);
        Assert.StartsWith("charmcraft.yaml:1:", ex.Message);
    }

    [Fact]
    public void Config_option_without_type_is_refused_at_its_line()
    {
        var ex = Fails("""
            name: x
            config:
              options:
                port:
                  default: 80
            """);
        Assert.Equal(5, ex.Line);
        Assert.Contains("'port'", ex.Problem);
        Assert.Contains("type", ex.Problem);
    }

    [Fact]
    public void Unknown_config_type_is_refused_at_the_type_line()
    {
        var ex = Fails("""
            name: x
            config:
              options:
                port:
                  description: The port.
                  type: integer
            """);
        Assert.Equal(6, ex.Line);
        Assert.Contains("unknown type 'integer'", ex.Problem);
    }

    [Theory]
    [InlineData("int", "eighty")]
    [InlineData("int", "1.5")]
    [InlineData("float", "\"1.5\"")]
    [InlineData("boolean", "\"true\"")]
    [InlineData("boolean", "1")]
    [InlineData("string", "80")]
    [InlineData("string", "true")]
    public void Default_of_the_wrong_type_is_refused_at_the_default_line(string type, string defaultValue)
    {
        var ex = Fails($"""
            name: x
            config:
              options:
                opt:
                  type: {type}
                  default: {defaultValue}
            """);
        Assert.Equal(6, ex.Line);
        Assert.Contains("'opt'", ex.Problem);
        Assert.Contains(type, ex.Problem);
    }

    [Fact]
    public void Endpoint_declared_in_two_roles_is_refused()
    {
        var ex = Fails("""
            name: x
            requires:
              db:
                interface: pgsql
            provides:
              db:
                interface: pgsql
            """);
        Assert.Equal(6, ex.Line);
        Assert.Contains("'db'", ex.Problem);
        Assert.Contains("more than once", ex.Problem);
    }

    [Fact]
    public void Endpoint_without_interface_is_refused()
    {
        var ex = Fails("""
            name: x
            requires:
              db:
                limit: 1
            """);
        Assert.Equal(4, ex.Line);
        Assert.Contains("'interface'", ex.Problem);
    }

    [Fact]
    public void Action_requiring_an_undeclared_param_is_refused()
    {
        var ex = Fails("""
            name: x
            actions:
              backup:
                params:
                  path:
                    type: string
                required: [path, target]
            """);
        Assert.Equal(4, ex.Line);
        Assert.Contains("'target'", ex.Problem);
        Assert.Contains("'backup'", ex.Problem);
    }

    [Fact]
    public void Unknown_action_param_type_is_refused()
    {
        var ex = Fails("""
            name: x
            actions:
              backup:
                params:
                  path:
                    type: str
            """);
        Assert.Equal(6, ex.Line);
        Assert.Contains("unknown type 'str'", ex.Problem);
    }

    [Fact]
    public void Invalid_yaml_is_refused_with_a_line()
    {
        var ex = Fails("name: x\nrequires:\n  db: [unclosed\n");
        Assert.Equal("charmcraft.yaml", ex.File);
        Assert.True(ex.Line > 0);
        Assert.Contains("not valid YAML", ex.Problem);
    }

    [Fact]
    public void Top_level_list_is_refused()
    {
        var ex = Fails("- name\n- x\n");
        Assert.Contains("mapping", ex.Problem);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var ex = Fails("");
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Section_of_the_wrong_shape_is_refused()
    {
        var ex = Fails("name: x\nrequires: [db]\n");
        Assert.Equal(2, ex.Line);
        Assert.Contains("'requires' must be a mapping", ex.Problem);
    }

    [Fact]
    public void Errors_in_packed_files_name_that_file()
    {
        var ex = Assert.Throws<CharmMetadataException>(() => CharmMetadata.ParsePacked(
            "name: x\n",
            "options:\n  port:\n    type: number\n"));
        Assert.Equal("config.yaml", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("config.yaml:3:", ex.Message);

        ex = Assert.Throws<CharmMetadataException>(() => CharmMetadata.ParsePacked(
            "name: x\n",
            null,
            "backup:\n  required: [path]\n"));
        Assert.Equal("actions.yaml", ex.File);

        ex = Assert.Throws<CharmMetadataException>(() => CharmMetadata.ParsePacked("summary: x\n"));
        Assert.Equal("metadata.yaml", ex.File);
    }

    [Fact]
    public void Duplicate_key_in_one_mapping_is_refused_at_its_line()
    {
        var ex = Fails("""
            name: x
            requires:
              db:
                interface: a
              db:
                interface: b
            """);
        Assert.Equal(5, ex.Line);
        Assert.Contains("Duplicate key", ex.Problem);
    }

    [Fact]
    public void Endpoint_with_an_empty_body_is_refused_at_its_line()
    {
        var ex = Fails("""
            name: x
            requires:
              db:
            """);
        Assert.Equal(3, ex.Line);
        Assert.Contains("'interface'", ex.Problem);
    }

    [Fact]
    public void Config_option_with_an_empty_body_is_refused_at_its_line()
    {
        var ex = Fails("""
            name: x
            config:
              options:
                port:
            """);
        Assert.Equal(4, ex.Line);
        Assert.Contains("type", ex.Problem);
    }
}
