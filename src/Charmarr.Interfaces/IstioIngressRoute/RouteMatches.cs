using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A path to match on an HTTP route.</summary>
public sealed record HttpPathMatch
{
    /// <summary>How the path is matched (<c>type</c>, default <c>PathPrefix</c>).</summary>
    public HttpPathMatchType Type { get; init; } = HttpPathMatchType.PathPrefix;

    /// <summary>The path, e.g. <c>/</c> (<c>value</c>).</summary>
    public required string Value { get; init; }
}

/// <summary>A gRPC method to match: <c>/service/method</c>, or every method of the service.</summary>
public sealed record GrpcMethodMatch
{
    /// <summary>The gRPC service, e.g. <c>package.Service</c> (<c>service</c>).</summary>
    public required string Service { get; init; }

    /// <summary>The method, or <see langword="null"/> for all of the service's methods (<c>method</c>).</summary>
    public string? Method { get; init; }
}

/// <summary>What every route match may check: request headers.</summary>
public abstract record RouteMatch
{
    private protected RouteMatch()
    {
    }

    /// <summary>Headers that must have these values, or <see langword="null"/> (<c>headers</c>).</summary>
    [JsonPropertyOrder(0)]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>The conditions an HTTP request must meet to take a route.</summary>
public sealed record HttpRouteMatch : RouteMatch
{
    /// <summary>The path to match, or <see langword="null"/> (<c>path</c>).</summary>
    [JsonPropertyOrder(1)]
    public HttpPathMatch? Path { get; init; }

    /// <summary>The method to match, or <see langword="null"/> for any (<c>method</c>).</summary>
    [JsonPropertyOrder(2)]
    public HttpRouteMethod? Method { get; init; }
}

/// <summary>The conditions a gRPC call must meet to take a route.</summary>
public sealed record GrpcRouteMatch : RouteMatch
{
    /// <summary>The method to match, or <see langword="null"/> (<c>method</c>).</summary>
    [JsonPropertyOrder(1)]
    public GrpcMethodMatch? Method { get; init; }
}
