using System.Globalization;
using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A gateway listener: a port and an application protocol.</summary>
public sealed record Listener
{
    private readonly int port;

    /// <summary>The port, 1 to 65535 (<c>port</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    public required int Port { get => port; init => port = WireRange.Port(value, "port"); }

    /// <summary>The application protocol (<c>protocol</c>).</summary>
    public required IngressProtocol Protocol { get; init; }

    /// <summary>The name istio-ingress gives the listener, e.g. <c>http-80</c> (not sent).</summary>
    [JsonIgnore]
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Protocol.ToString().ToLowerInvariant()}-{Port}");
}
