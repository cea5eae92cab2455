namespace Charmarr.PlexK8s.Claim;

/// <summary>The HTTP client settings shared by the plex.tv and Plex server clients.</summary>
internal static class PlexHttp
{
    /// <summary>X-Plex-Product, as Plex's own server sends it when claiming.</summary>
    public const string Product = "Plex Media Server";

    /// <summary>X-Plex-Version sent with it.</summary>
    public const string Version = "1.1";

    /// <summary>
    /// A client that follows no redirects, gives up after <paramref name="timeout"/> (reading the whole answer included:
    /// answers are buffered) and refuses an answer body larger than <paramref name="maxAnswerBytes"/> with an
    /// <see cref="HttpRequestException"/> whose <see cref="HttpRequestException.HttpRequestError"/> is
    /// <see cref="HttpRequestError.ConfigurationLimitExceeded"/> (see <see cref="IsTooLarge"/>).
    /// </summary>
    /// <param name="timeout">The longest a call may take (connecting included).</param>
    /// <param name="maxAnswerBytes">The largest answer body read into memory.</param>
    /// <returns>The client.</returns>
    public static HttpClient Create(TimeSpan timeout, int maxAnswerBytes = PlexOptions.DefaultMaxAnswerBytes)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = timeout, MaxResponseContentBufferSize = maxAnswerBytes };
    }

    /// <summary>Whether the client refused an answer for being larger than its limit.</summary>
    /// <param name="e">The client's exception.</param>
    /// <returns><see langword="true"/> for the size limit.</returns>
    public static bool IsTooLarge(HttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded;
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
