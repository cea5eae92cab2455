using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>The routes a charm asks istio-ingress for (the <c>istio-ingress-route</c> interface's <c>config</c>).</summary>
/// <param name="Model">The model (Kubernetes namespace) the backend services live in (<c>model</c>).</param>
/// <param name="Listeners">The gateway listeners the routes bind to (<c>listeners</c>); none when <see langword="null"/>.</param>
/// <param name="HttpRoutes">The HTTP routes (<c>http_routes</c>); none when <see langword="null"/>.</param>
/// <param name="GrpcRoutes">The gRPC routes (<c>grpc_routes</c>); none when <see langword="null"/>.</param>
public sealed record IstioIngressRouteConfig(
    [property: JsonPropertyOrder(0)] string Model,
    IReadOnlyList<Listener>? Listeners = null,
    IReadOnlyList<HttpRoute>? HttpRoutes = null,
    IReadOnlyList<GrpcRoute>? GrpcRoutes = null)
{
    /// <summary>The gateway listeners the routes bind to (<c>listeners</c>).</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<Listener> Listeners { get; init; } = Listeners ?? [];

    /// <summary>The HTTP routes (<c>http_routes</c>).</summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyList<HttpRoute> HttpRoutes { get; init; } = HttpRoutes ?? [];

    /// <summary>The gRPC routes (<c>grpc_routes</c>).</summary>
    [JsonPropertyOrder(3)]
    public IReadOnlyList<GrpcRoute> GrpcRoutes { get; init; } = GrpcRoutes ?? [];
}
