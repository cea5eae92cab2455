using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A Kubernetes service in the model's namespace that a route sends traffic to.</summary>
/// <param name="Service">The service's name (<c>service</c>).</param>
/// <param name="Port">The service's port, 1 to 65535 (<c>port</c>).</param>
/// <param name="Weight">The share of traffic, 1 to 100, or <see langword="null"/> for an even split (<c>weight</c>).</param>
/// <exception cref="ArgumentOutOfRangeException">The port or weight is out of range.</exception>
public sealed record BackendRef([property: JsonPropertyOrder(0)] string Service, int Port, int? Weight = null)
{
    private readonly int port = WireRange.Port(Port, "port");
    private readonly int? weight = CheckWeight(Weight);

    /// <summary>The service's port, 1 to 65535 (<c>port</c>).</summary>
    [JsonPropertyOrder(1)]
    public int Port { get => port; init => port = WireRange.Port(value, "port"); }

    /// <summary>The share of traffic, 1 to 100, or <see langword="null"/> for an even split (<c>weight</c>).</summary>
    [JsonPropertyOrder(2)]
    public int? Weight { get => weight; init => weight = CheckWeight(value); }

    private static int? CheckWeight(int? value) => value is { } w ? WireRange.Check(w, 1, 100, "weight") : null;
}
