using Charmarr.Ops.Context;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Cli;

/// <summary><c>juju version</c> decides which Juju's rules apply.</summary>
public sealed class VersionTests
{
    [Theory]
    [InlineData("3.6", 3, 6, 11, false)]
    [InlineData("4.0", 4, 0, 1, true)]
    public async Task The_version_is_read_once_from_juju_version(string jujuVersion, int major, int minor, int patch, bool juju4)
    {
        using var juju = new FakeJuju();
        juju.ExpectVersion(jujuVersion);
        var client = juju.Client();

        var first = await client.GetVersionAsync(TestContext.Current.CancellationToken);
        var second = await client.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new JujuVersion(major, minor, patch), first.Version);
        Assert.Equal("genericlinux", first.Release);
        Assert.Equal("amd64", first.Architecture);
        Assert.Equal(juju4, first.IsJuju4OrLater);
        Assert.Same(first, second);
        juju.AssertAllCalled();
    }

    [Fact]
    public void A_tagged_development_version_parses()
    {
        var version = JujuCliVersion.Parse("4.0-beta5-ubuntu-arm64\n");

        Assert.Equal(new JujuVersion(4, 0, 5, "beta"), version.Version);
        Assert.Equal("4.0-beta5-ubuntu-arm64", version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("3.6.11")]
    [InlineData("juju-genericlinux-amd64")]
    public void Text_that_is_not_a_juju_version_is_refused(string text) =>
        Assert.Throws<FormatException>(() => JujuCliVersion.Parse(text));
}
