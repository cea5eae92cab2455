using Charmarr.Ops.Context;
using Xunit;

namespace Charmarr.Ops.Tests.Context;

/// <summary>Parsing, ordering and feature flags of <see cref="JujuVersion"/>.</summary>
public sealed class JujuVersionTests
{
    [Theory]
    [InlineData("3.6.4", 3, 6, 4, "", 0)]
    [InlineData("3.6-beta2", 3, 6, 2, "beta", 0)]
    [InlineData("3.6.4.1", 3, 6, 4, "", 1)]
    [InlineData("3.6-rc1.5", 3, 6, 1, "rc", 5)]
    [InlineData("2.9", 2, 9, 0, "", 0)]
    [InlineData(" 3.1.2 ", 3, 1, 2, "", 0)]
    public void Parse_reads_each_form(string text, int major, int minor, int patch, string tag, int build)
    {
        Assert.Equal(new JujuVersion(major, minor, patch, tag, build), JujuVersion.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_of_empty_is_zero(string? text)
    {
        var version = JujuVersion.Parse(text);
        Assert.Equal(new JujuVersion(0, 0, 0), version);
        Assert.Same(JujuVersion.Unknown, version);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("three")]
    [InlineData("3.6.x")]
    [InlineData("3.6-Beta2")]
    [InlineData("v3.6.4")]
    public void Parse_refuses_non_versions(string text)
    {
        Assert.Throws<FormatException>(() => JujuVersion.Parse(text));
    }

    [Theory]
    [InlineData("3.6.4")]
    [InlineData("3.6-beta2")]
    [InlineData("3.6.4.1")]
    public void ToString_round_trips(string text)
    {
        Assert.Equal(text, JujuVersion.Parse(text).ToString());
    }

    [Theory]
    [InlineData("3.6-beta2", "3.6.0")]
    [InlineData("3.6-beta2", "3.6-beta3")]
    [InlineData("3.6-alpha9", "3.6-beta1")]
    [InlineData("3.6-rc1", "3.6.0")]
    [InlineData("3.5.9", "3.6-beta1")]
    [InlineData("3.6.3", "3.6.4")]
    [InlineData("3.6.4", "3.6.4.1")]
    [InlineData("2.9.99", "3.0.0")]
    [InlineData("3.9.0", "3.10.0")]
    public void Ordering_puts_the_first_before_the_second(string older, string newer)
    {
        var a = JujuVersion.Parse(older);
        var b = JujuVersion.Parse(newer);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= b);
        Assert.False(a >= b);
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
    }

    [Fact]
    public void Equal_versions_compare_equal()
    {
        var a = JujuVersion.Parse("3.6.4");
        var b = new JujuVersion(3, 6, 4);
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a >= b);
        Assert.True(a <= b);
    }

    [Theory]
    [InlineData("3.0.2", false)]
    [InlineData("3.0.3", true)]
    [InlineData("3.6.4", true)]
    [InlineData("2.9.45", false)]
    public void HasSecrets_from_3_0_3(string text, bool expected)
    {
        Assert.Equal(expected, JujuVersion.Parse(text).HasSecrets);
    }

    [Theory]
    [InlineData("3.6.1", false)]
    [InlineData("3.6.2", true)]
    [InlineData("3.6-beta2", false)]
    [InlineData("4.0.0", true)]
    public void HasRelationModelGet_from_3_6_2(string text, bool expected)
    {
        Assert.Equal(expected, JujuVersion.Parse(text).HasRelationModelGet);
    }

    [Fact]
    public void Parse_refuses_an_overflowing_component_with_FormatException()
    {
        Assert.Throws<FormatException>(() => JujuVersion.Parse("3.99999999999.0"));
    }
}
