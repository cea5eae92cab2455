using System.Text.Json.Serialization;
using Charmarr.Interfaces.Common;

namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>Where a URL rewrite sends the request upstream; give a host name, a path, or both.</summary>
public sealed record UrlRewriteSpec
{
    /// <summary>The host name to rewrite to (<c>hostname</c>).</summary>
    public string? Hostname { get; init; }

    /// <summary>The path rewrite (<c>path</c>).</summary>
    public PathModifier? Path { get; init; }
}

/// <summary>Where a redirect sends the client.</summary>
public sealed record RequestRedirectSpec
{
    private readonly int? port;

    /// <summary><c>http</c> or <c>https</c> (<c>scheme</c>).</summary>
    public string? Scheme { get; init; }

    /// <summary>The host name (<c>hostname</c>).</summary>
    public string? Hostname { get; init; }

    /// <summary>The path rewrite (<c>path</c>).</summary>
    public PathModifier? Path { get; init; }

    /// <summary>The port, 1 to 65535 (<c>port</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    public int? Port { get => port; init => port = value is { } p ? WireRange.Port(p, "port") : null; }

    /// <summary>The HTTP status of the redirect (<c>statusCode</c>, default 301).</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; } = 301;
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
public sealed record UrlRewriteFilter : HttpRouteFilter
{
    /// <summary>The rewrite (<c>urlRewrite</c>).</summary>
    [JsonPropertyName("urlRewrite")]
    [JsonPropertyOrder(0)]
    public required UrlRewriteSpec UrlRewrite { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(1)]
    public override string Type => "URLRewrite";
}

/// <summary>Redirects the client (HTTP and gRPC routes).</summary>
public sealed record RequestRedirectFilter : HttpRouteFilter
{
    /// <summary>The redirect (<c>requestRedirect</c>).</summary>
    [JsonPropertyName("requestRedirect")]
    [JsonPropertyOrder(0)]
    public required RequestRedirectSpec RequestRedirect { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(1)]
    public override string Type => "RequestRedirect";
}
