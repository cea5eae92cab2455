using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Go's duration notation, which Pebble reads and writes in layers, plans and notices.</summary>
public sealed class GoDurationTests
{
    public static TheoryData<string, long> Parsed => new()
    {
        { "0", 0 },
        { "0s", 0 },
        { "1m30s", TimeSpan.FromSeconds(90).Ticks },
        { "500ms", TimeSpan.FromMilliseconds(500).Ticks },
        { "1.5s", TimeSpan.FromSeconds(1.5).Ticks },
        { "2\u00b5s", 20 },
        { "2\u03bcs", 20 },
        { "2us", 20 },
        { "300ns", 3 },
        { "168h0m0s", TimeSpan.FromHours(168).Ticks },
        { "1h2m3.5s", new TimeSpan(0, 1, 2, 3, 500).Ticks },
        { "-1.5h", -TimeSpan.FromMinutes(90).Ticks },
        { "+10s", TimeSpan.FromSeconds(10).Ticks },
        { ".5s", TimeSpan.FromMilliseconds(500).Ticks },
        { "1.s", TimeSpan.FromSeconds(1).Ticks },
    };

    [Theory]
    [MemberData(nameof(Parsed))]
    public void Parses_what_time_ParseDuration_accepts(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), GoDuration.Parse(text));

    [Theory]
    [InlineData("10")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1x")]
    [InlineData("1..2s")]
    [InlineData(".s")]
    [InlineData("-")]
    [InlineData("1s2")]
    [InlineData("1 s")]
    public void Rejects_what_time_ParseDuration_rejects(string text)
    {
        var error = Assert.Throws<FormatException>(() => GoDuration.Parse(text));
        Assert.Equal($"invalid duration \"{text}\"", error.Message);
    }

    public static TheoryData<long, string> Formatted => new()
    {
        { 0, "0s" },
        { TimeSpan.FromSeconds(90).Ticks, "1m30s" },
        { TimeSpan.FromSeconds(60).Ticks, "1m0s" },
        { TimeSpan.FromHours(1).Ticks, "1h0m0s" },
        { TimeSpan.FromHours(168).Ticks, "168h0m0s" },
        { TimeSpan.FromMilliseconds(500).Ticks, "500ms" },
        { TimeSpan.FromMilliseconds(1.5).Ticks, "1.5ms" },
        { TimeSpan.FromSeconds(1.5).Ticks, "1.5s" },
        { 20, "2\u00b5s" },
        { 1, "100ns" },
        { new TimeSpan(0, 2, 3, 4, 50).Ticks, "2h3m4.05s" },
        { -TimeSpan.FromSeconds(1.5).Ticks, "-1.5s" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Formats_like_Duration_String(long ticks, string text) =>
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Formatted_text_parses_back_to_the_same_duration(long ticks, string text)
    {
        _ = text;
        var value = TimeSpan.FromTicks(ticks);
        Assert.Equal(value, GoDuration.Parse(GoDuration.Format(value)));
    }
}
