using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.Model;

/// <summary>Juju's port notation.</summary>
public sealed class PortTests
{
    [Theory]
    [InlineData("80/tcp", PortProtocol.Tcp, 80, 80)]
    [InlineData("80", PortProtocol.Tcp, 80, 80)]
    [InlineData("53/udp", PortProtocol.Udp, 53, 53)]
    [InlineData("1000-2000/udp", PortProtocol.Udp, 1000, 2000)]
    [InlineData("1000-2000", PortProtocol.Tcp, 1000, 2000)]
    [InlineData(" 443/TCP ", PortProtocol.Tcp, 443, 443)]
    [InlineData("0/tcp", PortProtocol.Tcp, 0, 0)]
    [InlineData("65535/tcp", PortProtocol.Tcp, 65535, 65535)]
    public void Parse_reads_ports_and_ranges(string text, PortProtocol protocol, int from, int to)
    {
        Assert.Equal(new Port(protocol, from, to), Port.Parse(text));
    }

    [Theory]
    [InlineData("icmp")]
    [InlineData("ICMP")]
    public void Parse_reads_icmp(string text)
    {
        var port = Port.Parse(text);
        Assert.Equal(Port.Icmp, port);
        Assert.Null(port.From);
        Assert.Null(port.To);
    }

    [Theory]
    [InlineData("80/tcp", "80/tcp")]
    [InlineData("80", "80/tcp")]
    [InlineData("1000-2000/udp", "1000-2000/udp")]
    [InlineData("icmp", "icmp")]
    [InlineData("53/UDP", "53/udp")]
    public void ToString_round_trips(string text, string expected)
    {
        var port = Port.Parse(text);
        Assert.Equal(expected, port.ToString());
        Assert.Equal(port, Port.Parse(port.ToString()));
    }

    [Fact]
    public void Factories_build_single_ports()
    {
        Assert.Equal("8080/tcp", Port.Tcp(8080).ToString());
        Assert.Equal("53/udp", Port.Udp(53).ToString());
        Assert.False(Port.Tcp(8080).IsRange);
        Assert.True(Port.Parse("1-2/tcp").IsRange);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Factories_refuse_out_of_range_ports(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Port.Tcp(port));
        Assert.Throws<ArgumentOutOfRangeException>(() => Port.Udp(port));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http")]
    [InlineData("80/sctp")]
    [InlineData("80/icmp")]
    [InlineData("65536/tcp")]
    [InlineData("-1/tcp")]
    [InlineData("2000-1000/tcp")]
    [InlineData("1000-/tcp")]
    [InlineData("80/")]
    [InlineData("+80/tcp")]
    public void Parse_refuses_malformed_ports(string text)
    {
        Assert.Throws<FormatException>(() => Port.Parse(text));
    }
}
