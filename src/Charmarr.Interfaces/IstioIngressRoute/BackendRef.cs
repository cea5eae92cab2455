using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A Kubernetes service in the model's namespace that a route sends traffic to.</summary>
public sealed record BackendRef
{
    private readonly int port;
    private readonly int? weight;

    /// <summary>The service's name (<c>service</c>).</summary>
    public required string Service { get; init; }

    /// <summary>The service's port, 1 to 65535 (<c>port</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    public required int Port { get => port; init => port = WireRange.Port(value, "port"); }

    /// <summary>The share of traffic, 1 to 100, or <see langword="null"/> for an even split (<c>weight</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The weight is out of range.</exception>
    public int? Weight { get => weight; init => weight = value is { } w ? WireRange.Check(w, 1, 100, "weight") : null; }
}
