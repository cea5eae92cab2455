using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>A path to match on an HTTP route.</summary>
/// <param name="Value">The path, e.g. <c>/</c> (<c>value</c>).</param>
/// <param name="Type">How the path is matched (<c>type</c>).</param>
public sealed record HttpPathMatch(
    [property: JsonPropertyOrder(1)] string Value,
    [property: JsonPropertyOrder(0)] HttpPathMatchType Type = HttpPathMatchType.PathPrefix);

/// <summary>A gRPC method to match: <c>/service/method</c>, or every method of the service.</summary>
/// <param name="Service">The gRPC service, e.g. <c>package.Service</c> (<c>service</c>).</param>
/// <param name="Method">The method, or <see langword="null"/> for all of the service's methods (<c>method</c>).</param>
public sealed record GrpcMethodMatch(string Service, string? Method = null);

/// <summary>What every route match may check: request headers.</summary>
/// <param name="Headers">Headers that must have these values, or <see langword="null"/> (<c>headers</c>).</param>
public abstract record RouteMatch([property: JsonPropertyOrder(0)] IReadOnlyDictionary<string, string>? Headers);

/// <summary>The conditions an HTTP request must meet to take a route.</summary>
/// <param name="Headers">Headers that must have these values, or <see langword="null"/> (<c>headers</c>).</param>
/// <param name="Path">The path to match, or <see langword="null"/> (<c>path</c>).</param>
/// <param name="Method">The method to match, or <see langword="null"/> for any (<c>method</c>).</param>
public sealed record HttpRouteMatch(
    IReadOnlyDictionary<string, string>? Headers = null,
    [property: JsonPropertyOrder(1)] HttpPathMatch? Path = null,
    [property: JsonPropertyOrder(2)] HttpRouteMethod? Method = null)
    : RouteMatch(Headers);

/// <summary>The conditions a gRPC call must meet to take a route.</summary>
/// <param name="Headers">Headers that must have these values, or <see langword="null"/> (<c>headers</c>).</param>
/// <param name="Method">The method to match, or <see langword="null"/> (<c>method</c>).</param>
public sealed record GrpcRouteMatch(
    IReadOnlyDictionary<string, string>? Headers = null,
    [property: JsonPropertyOrder(1)] GrpcMethodMatch? Method = null)
    : RouteMatch(Headers);
