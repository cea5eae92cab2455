using System.Text.Json.Serialization;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>What every layer-7 route has: a name, the listener it binds to, its backends and the host names it matches.</summary>
/// <param name="Name">The route's name (<c>name</c>).</param>
/// <param name="Listener">The listener the route binds to (<c>listener</c>).</param>
/// <param name="Backends">The services traffic goes to (<c>backends</c>).</param>
/// <param name="Hostnames">The host names to match, or <see langword="null"/> for any (<c>hostnames</c>).</param>
public abstract record L7Route(
    [property: JsonPropertyOrder(0)] string Name,
    [property: JsonPropertyOrder(1)] Listener Listener,
    [property: JsonPropertyOrder(2)] IReadOnlyList<BackendRef> Backends,
    [property: JsonPropertyOrder(3)] IReadOnlyList<string>? Hostnames);

/// <summary>An HTTP route.</summary>
/// <param name="Name">The route's name (<c>name</c>).</param>
/// <param name="Listener">The listener the route binds to (<c>listener</c>).</param>
/// <param name="Backends">The services traffic goes to (<c>backends</c>).</param>
/// <param name="Hostnames">The host names to match, or <see langword="null"/> for any (<c>hostnames</c>).</param>
/// <param name="Matches">The match rules, or <see langword="null"/> to match everything (<c>matches</c>).</param>
/// <param name="Filters">Filters applied to matching requests, or <see langword="null"/> (<c>filters</c>).</param>
public sealed record HttpRoute(
    string Name,
    Listener Listener,
    IReadOnlyList<BackendRef> Backends,
    IReadOnlyList<string>? Hostnames = null,
    [property: JsonPropertyOrder(4)] IReadOnlyList<HttpRouteMatch>? Matches = null,
    [property: JsonPropertyOrder(5)] IReadOnlyList<HttpRouteFilter>? Filters = null)
    : L7Route(Name, Listener, Backends, Hostnames);

/// <summary>A gRPC route.</summary>
/// <param name="Name">The route's name (<c>name</c>).</param>
/// <param name="Listener">The listener the route binds to (<c>listener</c>).</param>
/// <param name="Backends">The services traffic goes to (<c>backends</c>).</param>
/// <param name="Hostnames">The host names to match, or <see langword="null"/> for any (<c>hostnames</c>).</param>
/// <param name="Matches">The match rules, or <see langword="null"/> to match everything (<c>matches</c>).</param>
/// <param name="Filters">Redirects applied to matching calls, or <see langword="null"/> (<c>filters</c>).</param>
public sealed record GrpcRoute(
    string Name,
    Listener Listener,
    IReadOnlyList<BackendRef> Backends,
    IReadOnlyList<string>? Hostnames = null,
    [property: JsonPropertyOrder(4)] IReadOnlyList<GrpcRouteMatch>? Matches = null,
    [property: JsonPropertyOrder(5)] IReadOnlyList<RequestRedirectFilter>? Filters = null)
    : L7Route(Name, Listener, Backends, Hostnames);
