using System.Globalization;
using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A gateway listener: a port and an application protocol.</summary>
/// <param name="Port">The port, 1 to 65535 (<c>port</c>).</param>
/// <param name="Protocol">The application protocol (<c>protocol</c>).</param>
/// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
public sealed record Listener(int Port, [property: JsonPropertyOrder(1)] IngressProtocol Protocol)
{
    private readonly int port = WireRange.Port(Port, "port");

    /// <summary>The port, 1 to 65535 (<c>port</c>).</summary>
    [JsonPropertyOrder(0)]
    public int Port { get => port; init => port = WireRange.Port(value, "port"); }

    /// <summary>The name istio-ingress gives the listener, e.g. <c>http-80</c> (not sent).</summary>
    [JsonIgnore]
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Protocol.ToString().ToLowerInvariant()}-{Port}");
}
