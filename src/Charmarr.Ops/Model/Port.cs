using System.Globalization;

namespace Charmarr.Ops.Model;

/// <summary>The protocol of an opened port.</summary>
public enum PortProtocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>ICMP (no port number).</summary>
    Icmp,
}

/// <summary>A port or port range a unit opens, in Juju's <c>80/tcp</c>, <c>1000-2000/udp</c>, <c>icmp</c> notation.</summary>
/// <param name="Protocol">The protocol.</param>
/// <param name="From">The first port; <see langword="null"/> for ICMP.</param>
/// <param name="To">The last port of a range; equal to <paramref name="From"/> for a single port.</param>
public sealed record Port(PortProtocol Protocol, int? From, int? To)
{
    /// <summary>A single TCP port.</summary>
    /// <param name="port">The port number (0–65535).</param>
    /// <returns>The port.</returns>
    public static Port Tcp(int port) => Single(PortProtocol.Tcp, port);

    /// <summary>A single UDP port.</summary>
    /// <param name="port">The port number (0–65535).</param>
    /// <returns>The port.</returns>
    public static Port Udp(int port) => Single(PortProtocol.Udp, port);

    /// <summary>ICMP.</summary>
    public static Port Icmp { get; } = new(PortProtocol.Icmp, null, null);

    /// <summary>Whether this is a range of more than one port.</summary>
    public bool IsRange => From != To;

    private static Port Single(PortProtocol protocol, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return new Port(protocol, port, port);
    }

    /// <summary>Parses Juju's notation (<c>80/tcp</c>, <c>80</c> meaning TCP, <c>1000-2000/udp</c>, <c>icmp</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The port.</returns>
    /// <exception cref="FormatException">The text is not a port in Juju's notation.</exception>
    public static Port Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed == "icmp")
        {
            return Icmp;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? trimmed : trimmed[..slash];
        var protocol = slash < 0 ? "tcp" : trimmed[(slash + 1)..];
        var proto = protocol switch
        {
            "tcp" => PortProtocol.Tcp,
            "udp" => PortProtocol.Udp,
            _ => throw new FormatException($"invalid protocol \"{protocol}\" in port \"{text}\", expected tcp, udp or icmp"),
        };
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? range : range[..dash];
        var toText = dash < 0 ? range : range[(dash + 1)..];
        if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from > 65535 || to > 65535 || to < from)
        {
            throw new FormatException($"invalid port \"{text}\"");
        }

        return new Port(proto, from, to);
    }

    /// <summary>Juju's notation for this port.</summary>
    /// <returns>E.g. <c>80/tcp</c>, <c>1000-2000/udp</c> or <c>icmp</c>.</returns>
    public override string ToString()
    {
        if (Protocol == PortProtocol.Icmp)
        {
            return "icmp";
        }

        var proto = Protocol == PortProtocol.Tcp ? "tcp" : "udp";
        return IsRange
            ? string.Create(CultureInfo.InvariantCulture, $"{From}-{To}/{proto}")
            : string.Create(CultureInfo.InvariantCulture, $"{From}/{proto}");
    }
}
