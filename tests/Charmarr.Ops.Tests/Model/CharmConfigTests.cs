using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Model;

/// <summary>Typed config getters against the declared options, and binding to a record.</summary>
public sealed partial class CharmConfigTests
{
    private readonly FakeJujuBackend _backend = new();

    private CharmConfig Config => TestModels.Model(_backend).Config;

    // Values as HookToolBackend produces them: parsed from config-get's JSON.
    private void Set(string name, string json) => _backend.Config[name] = JsonNode.Parse(json);

    [Fact]
    public void Config_is_read_once()
    {
        Set("port", "8080");
        Set("server-name", "\"den\"");
        var config = Config;
        Assert.Equal(8080, config.GetInt("port"));
        Assert.Equal("den", config.GetString("server-name"));
        Assert.Equal(2, config.Count);
        Assert.True(config.ContainsKey("port"));
        Assert.Equal(1, _backend.CallCount("config-get"));
    }

    [Fact]
    public void GetInt_reads_an_int()
    {
        Set("port", "32400");
        Assert.Equal(32400L, Config.GetInt("port"));
    }

    [Fact]
    public void GetInt_accepts_a_whole_float()
    {
        Set("port", "80.0");
        Assert.Equal(80L, Config.GetInt("port"));
    }

    [Fact]
    public void GetFloat_reads_a_float()
    {
        Set("ratio", "0.25");
        Assert.Equal(0.25, Config.GetFloat("ratio"));
    }

    [Fact]
    public void GetFloat_accepts_an_int_value()
    {
        Set("ratio", "2");
        Assert.Equal(2.0, Config.GetFloat("ratio"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void GetBool_reads_a_bool(string json, bool expected)
    {
        Set("debug", json);
        Assert.Equal(expected, Config.GetBool("debug"));
    }

    [Fact]
    public void GetString_reads_a_string()
    {
        Set("server-name", "\"living room\"");
        Assert.Equal("living room", Config.GetString("server-name"));
    }

    [Fact]
    public void GetSecretId_reads_the_secret_uri()
    {
        Set("password", "\"secret:cu2abcdef\"");
        Assert.Equal("secret:cu2abcdef", Config.GetSecretId("password"));
    }

    [Fact]
    public void Unset_option_reads_as_null()
    {
        var config = Config;
        Assert.Null(config.GetInt("port"));
        Assert.Null(config.GetFloat("ratio"));
        Assert.Null(config.GetBool("debug"));
        Assert.Null(config.GetString("server-name"));
        Assert.Null(config.GetSecretId("password"));
    }

    [Fact]
    public void Getter_of_the_wrong_declared_type_is_refused()
    {
        Set("port", "80");
        var config = Config;
        var ex = Assert.Throws<InvalidOperationException>(() => config.GetString("port"));
        Assert.Contains("'port'", ex.Message);
        Assert.Contains("int", ex.Message);
        Assert.Throws<InvalidOperationException>(() => config.GetBool("port"));
        Assert.Throws<InvalidOperationException>(() => config.GetFloat("port"));
        Assert.Throws<InvalidOperationException>(() => config.GetInt("server-name"));
        Assert.Throws<InvalidOperationException>(() => config.GetSecretId("server-name"));
        Assert.Throws<InvalidOperationException>(() => config.GetString("password"));
    }

    [Theory]
    [InlineData("port", "\"80\"")]
    [InlineData("port", "1.5")]
    [InlineData("ratio", "\"0.5\"")]
    [InlineData("debug", "\"true\"")]
    [InlineData("debug", "1")]
    [InlineData("server-name", "42")]
    [InlineData("password", "{}")]
    public void Value_of_the_wrong_type_is_invalid_config(string name, string json)
    {
        Set(name, json);
        var config = Config;
        var ex = Assert.Throws<InvalidConfigException>(() =>
            name switch
            {
                "port" => (object?)config.GetInt(name),
                "ratio" => config.GetFloat(name),
                "debug" => config.GetBool(name),
                "server-name" => config.GetString(name),
                _ => config.GetSecretId(name),
            });
        Assert.Contains($"'{name}'", ex.Message);
        Assert.IsAssignableFrom<CharmBlockedException>(ex);
    }

    [Fact]
    public void GetFloat_accepts_an_in_memory_long_value()
    {
        _backend.Config["ratio"] = JsonValue.Create(2L);
        Assert.Equal(2.0, Config.GetFloat("ratio"));
    }

    [Fact]
    public void GetInt_accepts_an_in_memory_int_value()
    {
        _backend.Config["port"] = JsonValue.Create(8080);
        Assert.Equal(8080L, Config.GetInt("port"));
    }

    [Fact]
    public void Bind_maps_kebab_case_options_to_properties()
    {
        Set("port", "8080");
        Set("ratio", "0.5");
        Set("debug", "true");
        Set("server-name", "\"den\"");
        var bound = Config.Bind(ConfigJsonContext.Default.PlexConfig);
        Assert.Equal(new PlexConfig(8080, 0.5, true, "den", null), bound);
    }

    [Fact]
    public void Bind_twice_gives_equal_records_and_leaves_the_values_readable()
    {
        Set("server-name", "\"den\"");
        var config = Config;
        var first = config.Bind(ConfigJsonContext.Default.PlexConfig);
        var second = config.Bind(ConfigJsonContext.Default.PlexConfig);
        Assert.Equal(first, second);
        Assert.Equal("den", config.GetString("server-name"));
    }

    [Fact]
    public void Bind_of_a_value_that_does_not_fit_is_invalid_config()
    {
        Set("port", "\"eighty\"");
        var ex = Assert.Throws<InvalidConfigException>(() => Config.Bind(ConfigJsonContext.Default.PlexConfig));
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException);
    }

    internal sealed record PlexConfig(long Port, double Ratio, bool Debug, string? ServerName, string? Password);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
    [JsonSerializable(typeof(PlexConfig))]
    internal sealed partial class ConfigJsonContext : JsonSerializerContext;
}
