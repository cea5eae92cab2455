namespace Charmarr.PlexK8s.Claim;

/// <summary>The HTTP client settings shared by the plex.tv and Plex server clients.</summary>
internal static class PlexHttp
{
    /// <summary>X-Plex-Product, as Plex's own server sends it when claiming.</summary>
    public const string Product = "Plex Media Server";

    /// <summary>X-Plex-Version sent with it.</summary>
    public const string Version = "1.1";

    /// <summary>A client that follows no redirects and gives up after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest a call may take (connecting included).</param>
    /// <returns>The client.</returns>
    public static HttpClient Create(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = timeout };
    }

    /// <summary>A URL with its query string cut off, safe to echo (a query may carry a token).</summary>
    /// <param name="uri">The URL.</param>
    /// <returns>Scheme, host, port and path.</returns>
    public static string WithoutQuery(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.GetLeftPart(UriPartial.Path);
    }
}
