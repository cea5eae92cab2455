using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>Where a URL rewrite sends the request upstream; give a host name, a path, or both.</summary>
/// <param name="Hostname">The host name to rewrite to (<c>hostname</c>).</param>
/// <param name="Path">The path rewrite (<c>path</c>).</param>
public sealed record UrlRewriteSpec(string? Hostname = null, PathModifier? Path = null);

/// <summary>Where a redirect sends the client.</summary>
/// <param name="Scheme"><c>http</c> or <c>https</c> (<c>scheme</c>).</param>
/// <param name="Hostname">The host name (<c>hostname</c>).</param>
/// <param name="Path">The path rewrite (<c>path</c>).</param>
/// <param name="Port">The port, 1 to 65535 (<c>port</c>).</param>
/// <param name="StatusCode">The HTTP status of the redirect (<c>statusCode</c>).</param>
/// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
public sealed record RequestRedirectSpec(
    [property: JsonPropertyOrder(0)] string? Scheme = null,
    [property: JsonPropertyOrder(1)] string? Hostname = null,
    [property: JsonPropertyOrder(2)] PathModifier? Path = null,
    int? Port = null,
    [property: JsonPropertyName("statusCode"), JsonPropertyOrder(4)] int StatusCode = 301)
{
    private readonly int? port = CheckPort(Port);

    /// <summary>The port, 1 to 65535 (<c>port</c>).</summary>
    [JsonPropertyOrder(3)]
    public int? Port { get => port; init => port = CheckPort(value); }

    private static int? CheckPort(int? value) => value is { } p ? WireRange.Port(p, "port") : null;
}

/// <summary>A filter on an HTTP route: <see cref="UrlRewriteFilter"/> or <see cref="RequestRedirectFilter"/>. On the wire
/// the filter's spec comes first and its <c>type</c> after it, as pydantic writes a computed field.</summary>
public abstract record HttpRouteFilter
{
    private protected HttpRouteFilter()
    {
    }

    /// <summary>The filter type on the wire: <c>URLRewrite</c> or <c>RequestRedirect</c>.</summary>
    [JsonPropertyOrder(1)]
    public abstract string Type { get; }
}

/// <summary>Rewrites the request's URL before it goes upstream.</summary>
/// <param name="UrlRewrite">The rewrite (<c>urlRewrite</c>).</param>
public sealed record UrlRewriteFilter([property: JsonPropertyName("urlRewrite"), JsonPropertyOrder(0)] UrlRewriteSpec UrlRewrite)
    : HttpRouteFilter
{
    /// <inheritdoc />
    [JsonPropertyOrder(1)]
    public override string Type => "URLRewrite";
}

/// <summary>Redirects the client (HTTP and gRPC routes).</summary>
/// <param name="RequestRedirect">The redirect (<c>requestRedirect</c>).</param>
public sealed record RequestRedirectFilter([property: JsonPropertyName("requestRedirect"), JsonPropertyOrder(0)] RequestRedirectSpec RequestRedirect)
    : HttpRouteFilter
{
    /// <inheritdoc />
    [JsonPropertyOrder(1)]
    public override string Type => "RequestRedirect";
}
