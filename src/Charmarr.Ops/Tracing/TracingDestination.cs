namespace Charmarr.Ops.Tracing;

/// <summary>Where charm traces go: an OTLP/HTTP receiver (spans are posted to <c>&lt;url&gt;/v1/traces</c>), and the CA that
/// signed its certificate when it serves HTTPS under a private CA.</summary>
/// <param name="Url">The receiver's base URL, e.g. Tempo's <c>otlp_http</c> receiver <c>http://tempo:4318</c>.</param>
/// <param name="CaCertificate">PEM text of the CA to trust instead of the system's store, or <see langword="null"/>.</param>
public sealed record TracingDestination(Uri Url, string? CaCertificate = null)
{
    /// <summary>The URL spans are posted to: <see cref="Url"/> with <c>/v1/traces</c> appended (unless it already ends so).</summary>
    public Uri TracesUrl => Url.AbsolutePath.EndsWith("/v1/traces", StringComparison.Ordinal)
        ? Url
        : new Uri(Url.AbsoluteUri.TrimEnd('/') + "/v1/traces");

    /// <summary>Refuses a URL that is not absolute http(s).</summary>
    /// <exception cref="ArgumentException">The URL is relative or not http(s).</exception>
    internal void Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || Url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"a tracing destination must be an absolute http(s) URL, not '{Url}'", nameof(Url));
        }
    }
}
