using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Charmarr.PlexK8s.Claim;

/// <summary>The Plex server's own HTTP API, as far as the claim needs it: <c>GET /identity</c>.</summary>
internal sealed class PlexServerClient : IDisposable
{
    private HttpClient? http;
    private readonly PlexOptions options;
    private readonly TimeProvider time;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The server's URL and the timings.</param>
    /// <param name="time">The clock the claim wait runs on.</param>
    public PlexServerClient(PlexOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.time = time;
    }

    /// <summary>Whether /identity says the server is claimed (<c>claimed="1"</c>); <see langword="false"/> when Plex does not answer.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Whether Plex reports itself claimed.</returns>
    /// <exception cref="ClaimException">Plex answered with more than <see cref="PlexOptions.MaxAnswerBytes"/>.</exception>
    public async Task<bool> IsClaimedAsync(CancellationToken cancellationToken = default)
    {
        var identity = new Uri($"{options.PlexServerUrl.AbsoluteUri.TrimEnd('/')}/identity");
        try
        {
            using var response = await Http.GetAsync(identity, cancellationToken);
            return response.IsSuccessStatusCode && ReportsClaimed(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e) when (PlexHttp.IsTooLarge(e))
        {
            throw new ClaimException(string.Create(
                CultureInfo.InvariantCulture,
                $"Plex's answer to GET {identity} was larger than {options.MaxAnswerBytes} bytes, which is not Plex's /identity. Check what answers on {options.PlexServerUrl} in the plex container."));
        }
        catch (HttpRequestException)
        {
            return false; // restarting
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // too slow to answer, still starting
        }
    }

    /// <summary>Asks /identity until it reports the server claimed or <see cref="PlexOptions.ClaimWait"/> has passed.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Whether Plex reported itself claimed in time.</returns>
    /// <exception cref="ClaimException">Plex answered with more than <see cref="PlexOptions.MaxAnswerBytes"/>.</exception>
    public async Task<bool> WaitUntilClaimedAsync(CancellationToken cancellationToken = default)
    {
        var deadline = time.GetUtcNow() + options.ClaimWait;
        while (true)
        {
            if (await IsClaimedAsync(cancellationToken))
            {
                return true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(options.ClaimPollInterval, time, cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose() => http?.Dispose();

    // Built on first use: most dispatches never claim, and an HTTP client is not free to set up.
    private HttpClient Http => http ??= PlexHttp.Create(options.HttpTimeout, options.MaxAnswerBytes);

    /// <summary>Whether an /identity answer says claimed: <c>&lt;MediaContainer claimed="1" …/&gt;</c>.</summary>
    /// <param name="body">The answer.</param>
    /// <returns><see langword="true"/> when claimed is 1.</returns>
    internal static bool ReportsClaimed(string body)
    {
        return PlexXml.TryParse(body)?.Root?.Attribute("claimed")?.Value == "1";
    }
}
