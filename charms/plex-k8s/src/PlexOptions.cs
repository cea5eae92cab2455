namespace Charmarr.PlexK8s;

/// <summary>
/// Where the charm reaches plex.tv and the Plex server, and how long it waits for them. Defaults are the real
/// endpoints; <c>CHARMARR_PLEX_TV_URL</c> and <c>CHARMARR_PLEX_URL</c> override them (the local simulation runner),
/// and tests replace the whole record through dependency injection.
/// </summary>
/// <param name="PlexTvUrl">plex.tv's base URL.</param>
/// <param name="PlexServerUrl">The Plex server's URL as the charm container sees it (same pod, so localhost).</param>
/// <param name="HttpTimeout">The longest any one HTTP call may take.</param>
/// <param name="ClaimWait">How long the claim action waits for Plex to report itself claimed after the restart.</param>
/// <param name="ClaimPollInterval">How often it asks Plex meanwhile.</param>
/// <param name="MaxAnswerBytes">The largest answer body of plex.tv or Plex the charm reads into memory.</param>
internal sealed record PlexOptions(
    Uri PlexTvUrl,
    Uri PlexServerUrl,
    TimeSpan HttpTimeout,
    TimeSpan ClaimWait,
    TimeSpan ClaimPollInterval,
    int MaxAnswerBytes = PlexOptions.DefaultMaxAnswerBytes)
{
    /// <summary>1 MiB: plex.tv's and Plex's answers are a few hundred bytes.</summary>
    public const int DefaultMaxAnswerBytes = 1024 * 1024;

    /// <summary>The variable that overrides <see cref="PlexTvUrl"/>.</summary>
    public const string PlexTvUrlVariable = "CHARMARR_PLEX_TV_URL";

    /// <summary>The variable that overrides <see cref="PlexServerUrl"/>.</summary>
    public const string PlexServerUrlVariable = "CHARMARR_PLEX_URL";

    /// <summary>The real endpoints and the production timings.</summary>
    public static PlexOptions Default { get; } = new(
        new Uri("https://plex.tv"),
        new Uri("http://localhost:32400"),
        HttpTimeout: TimeSpan.FromSeconds(30),
        ClaimWait: TimeSpan.FromSeconds(60),
        ClaimPollInterval: TimeSpan.FromSeconds(2));

    /// <summary>The defaults with the URLs the environment overrides.</summary>
    /// <param name="variable">Reads an environment variable (null or empty: not set).</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A variable is set to something that is not an absolute http(s) URL.</exception>
    public static PlexOptions FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Default with
        {
            PlexTvUrl = Override(variable, PlexTvUrlVariable) ?? Default.PlexTvUrl,
            PlexServerUrl = Override(variable, PlexServerUrlVariable) ?? Default.PlexServerUrl,
        };
    }

    private static Uri? Override(Func<string, string?> variable, string name)
    {
        var text = variable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{name} must be an absolute http(s) URL such as http://127.0.0.1:32400, not '{text}'");
    }
}
