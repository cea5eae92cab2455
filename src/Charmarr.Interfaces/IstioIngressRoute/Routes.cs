using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>What every layer-7 route has: a name, the listener it binds to, its backends and the host names it matches.</summary>
public abstract record L7Route
{
    private protected L7Route()
    {
    }

    /// <summary>The route's name (<c>name</c>).</summary>
    [JsonPropertyOrder(0)]
    public required string Name { get; init; }

    /// <summary>The listener the route binds to (<c>listener</c>).</summary>
    [JsonPropertyOrder(1)]
    public required Listener Listener { get; init; }

    /// <summary>The services traffic goes to (<c>backends</c>).</summary>
    [JsonPropertyOrder(2)]
    [JsonConverter(typeof(NonNullListConverter<BackendRef>))]
    public required IReadOnlyList<BackendRef> Backends { get; init; }

    /// <summary>The host names to match, or <see langword="null"/> for any (<c>hostnames</c>).</summary>
    [JsonPropertyOrder(3)]
    [JsonConverter(typeof(NonNullListConverter<string>))]
    public IReadOnlyList<string>? Hostnames { get; init; }
}

/// <summary>An HTTP route.</summary>
public sealed record HttpRoute : L7Route
{
    /// <summary>The match rules, or <see langword="null"/> to match everything (<c>matches</c>).</summary>
    [JsonPropertyOrder(4)]
    [JsonConverter(typeof(NonNullListConverter<HttpRouteMatch>))]
    public IReadOnlyList<HttpRouteMatch>? Matches { get; init; }

    /// <summary>Filters applied to matching requests, or <see langword="null"/> (<c>filters</c>).</summary>
    [JsonPropertyOrder(5)]
    [JsonConverter(typeof(NonNullListConverter<HttpRouteFilter>))]
    public IReadOnlyList<HttpRouteFilter>? Filters { get; init; }
}

/// <summary>A gRPC route.</summary>
public sealed record GrpcRoute : L7Route
{
    /// <summary>The match rules, or <see langword="null"/> to match everything (<c>matches</c>).</summary>
    [JsonPropertyOrder(4)]
    [JsonConverter(typeof(NonNullListConverter<GrpcRouteMatch>))]
    public IReadOnlyList<GrpcRouteMatch>? Matches { get; init; }

    /// <summary>Redirects applied to matching calls, or <see langword="null"/> (<c>filters</c>).</summary>
    [JsonPropertyOrder(5)]
    [JsonConverter(typeof(NonNullListConverter<RequestRedirectFilter>))]
    public IReadOnlyList<RequestRedirectFilter>? Filters { get; init; }
}
