using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Issue 15: layers and plans round-trip every string, and bad or hostile YAML is only ever a <see cref="FormatException"/>.</summary>
public sealed class LayerYamlHardeningTests
{
    private static PebbleLayer WithCommand(string command) => new()
    {
        Services = new Dictionary<string, PebbleService>
        {
            ["svc"] = new() { Command = command, Environment = new Dictionary<string, string> { [command.Length > 0 ? command : "k"] = command } },
        },
        Summary = command,
    };

    [Theory]
    [InlineData("\tleading tab")]
    [InlineData("trailing tab\t")]
    [InlineData("\t")]
    [InlineData(" leading and trailing space ")]
    [InlineData("next\u0085line")]
    [InlineData("\u0085")]
    [InlineData("line\u2028separator\u2029paragraph")]
    [InlineData("bell\u0007 and nul\u0000")]
    [InlineData("\ufeffbom")]
    [InlineData("emoji 😀 and é")]
    [InlineData("multi\nline\r\nwith\ttabs\t\n")]
    [InlineData("'quoted' \"double\" \\ backslash: colon # hash")]
    public void Strings_round_trip_exactly(string text)
    {
        var layer = WithCommand(text);

        var back = PebbleLayer.Parse(layer.ToYaml());

        Assert.Equal(text, back.Summary);
        Assert.Equal(text, back.Services["svc"].Command);
        Assert.Equal(text, back.Services["svc"].Environment![text.Length > 0 ? text : "k"]);
    }

    [Theory]
    [InlineData("99999999999999999999999999999h")]
    [InlineData("9999999999999999999999999999999999999999s")]
    [InlineData("2562048h")]
    [InlineData("9223372036854775808ns")]
    public void An_enormous_duration_is_a_format_error_not_an_overflow(string duration)
    {
        var yaml = $"services:\n  svc:\n    override: replace\n    command: x\n    kill-delay: {duration}\n";

        var e = Assert.Throws<FormatException>(() => PebbleLayer.Parse(yaml));

        Assert.Contains("invalid duration", e.Message, StringComparison.Ordinal);
        Assert.False(GoDuration.TryParse(duration, out _));
    }

    [Fact]
    public void The_largest_go_duration_is_still_read()
    {
        Assert.True(GoDuration.TryParse("2562047h47m16.854775807s", out var value));
        Assert.True(value > TimeSpan.FromDays(100_000));
    }

    [Fact]
    public void A_timespan_longer_than_go_can_hold_is_written_as_gos_longest_and_reads_back()
    {
        Assert.Equal("2562047h47m16.854775807s", GoDuration.Format(TimeSpan.MaxValue));
        Assert.Equal("-2562047h47m16.854775807s", GoDuration.Format(TimeSpan.MinValue));
        var layer = new PebbleLayer { Services = new Dictionary<string, PebbleService> { ["s"] = new() { Override = PebbleOverride.Replace, Command = "x", KillDelay = TimeSpan.MaxValue } } };

        Assert.NotNull(PebbleLayer.Parse(layer.ToYaml()).Services["s"].KillDelay);
    }

    [Theory]
    [InlineData(17_500)]
    [InlineData(65)]
    public void Deeply_nested_yaml_is_a_format_error_for_layers_and_plans(int depth)
    {
        var yaml = "summary: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n";

        Assert.Contains("nested deeper than 64", Assert.Throws<FormatException>(() => PebbleLayer.Parse(yaml)).Message, StringComparison.Ordinal);
        Assert.Contains("nested deeper than 64", Assert.Throws<FormatException>(() => PebblePlan.Parse(yaml)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("services:\n  a: {command: x}\n  a: {command: y}\n")]
    [InlineData("summary: *missing\n")]
    [InlineData("? {a: 1}\n: x\n")]
    [InlineData("services:\n  ? [a]\n  : {command: x}\n")]
    [InlineData("summary: [a\n")]
    public void Yaml_the_library_refuses_or_cannot_map_is_a_format_error(string yaml)
    {
        Assert.Throws<FormatException>(() => PebbleLayer.Parse(yaml));
        Assert.Throws<FormatException>(() => PebblePlan.Parse(yaml));
    }
}
