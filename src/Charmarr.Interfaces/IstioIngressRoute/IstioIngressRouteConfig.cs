using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>The routes a charm asks istio-ingress for (the <c>istio-ingress-route</c> interface's <c>config</c>).</summary>
public sealed record IstioIngressRouteConfig
{
    /// <summary>The model (Kubernetes namespace) the backend services live in (<c>model</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The gateway listeners the routes bind to (<c>listeners</c>).</summary>
    [JsonConverter(typeof(NonNullListConverter<Listener>))]
    public IReadOnlyList<Listener> Listeners { get; init; } = [];

    /// <summary>The HTTP routes (<c>http_routes</c>).</summary>
    [JsonConverter(typeof(NonNullListConverter<HttpRoute>))]
    public IReadOnlyList<HttpRoute> HttpRoutes { get; init; } = [];

    /// <summary>The gRPC routes (<c>grpc_routes</c>).</summary>
    [JsonConverter(typeof(NonNullListConverter<GrpcRoute>))]
    public IReadOnlyList<GrpcRoute> GrpcRoutes { get; init; } = [];
}
