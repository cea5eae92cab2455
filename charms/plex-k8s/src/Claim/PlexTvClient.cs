using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Charmarr.PlexK8s.Claim;

/// <summary>
/// plex.tv's claim exchange: trades a claim token for the authentication token that makes a server belong to the
/// account. Every failure becomes a <see cref="ClaimException"/> whose message names the cause and the remedy and holds
/// neither token nor the request's query string.
/// </summary>
internal sealed class PlexTvClient : IDisposable
{
    private HttpClient? http;
    private readonly PlexOptions options;

    /// <summary>Creates the client.</summary>
    /// <param name="options">plex.tv's URL and the timeout.</param>
    public PlexTvClient(PlexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>Exchanges the claim token (POST /api/claim/exchange).</summary>
    /// <param name="claimToken">The claim token.</param>
    /// <param name="machineIdentifier">The server's ProcessedMachineIdentifier (X-Plex-Client-Identifier).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The authentication token.</returns>
    /// <exception cref="ClaimException">plex.tv refused, failed, could not be reached, answered nonsense or more than
    /// <see cref="PlexOptions.MaxAnswerBytes"/>, or the machine identifier cannot be sent in a header.</exception>
    public async Task<string> ExchangeAsync(string claimToken, string machineIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimToken);
        ArgumentException.ThrowIfNullOrEmpty(machineIdentifier);
        if (!MachineIdentifier.IsValid(machineIdentifier))
        {
            throw new ClaimException(MachineIdentifier.InvalidMessage);
        }

        var endpoint = new Uri($"{options.PlexTvUrl.AbsoluteUri.TrimEnd('/')}/api/claim/exchange");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{endpoint.AbsoluteUri}?token={Uri.EscapeDataString(claimToken)}"));
        request.Headers.Add("X-Plex-Client-Identifier", machineIdentifier);
        request.Headers.Add("X-Plex-Product", PlexHttp.Product);
        request.Headers.Add("X-Plex-Version", PlexHttp.Version);
        request.Headers.Add("Accept", "application/xml");

        using var response = await SendAsync(request, endpoint, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken); // buffered by SendAsync, within the timeout
        if (!response.IsSuccessStatusCode)
        {
            throw new ClaimException(Refusal(response.StatusCode, endpoint));
        }

        return AuthenticationToken(body)
            ?? throw new ClaimException("plex.tv accepted the claim token but its answer held no authentication token. "
                + "Get a new token from https://plex.tv/claim and run the action again.");
    }

    /// <inheritdoc />
    public void Dispose() => http?.Dispose();

    // Built on first use: most dispatches never claim, and an HTTP client is not free to set up.
    private HttpClient Http => http ??= PlexHttp.Create(options.HttpTimeout, options.MaxAnswerBytes);

    /// <summary>The token in plex.tv's XML answer: an &lt;authentication-token&gt; element, or the user's authenticationToken attribute.</summary>
    /// <param name="body">The answer.</param>
    /// <returns>The token, or <see langword="null"/> when there is none or the body is not XML.</returns>
    internal static string? AuthenticationToken(string body)
    {
        if (PlexXml.TryParse(body) is not { } document)
        {
            return null;
        }

        var element = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "authentication-token")?.Value.Trim();
        var attribute = document.Root?.Attribute("authenticationToken")?.Value.Trim() ?? document.Root?.Attribute("authToken")?.Value.Trim();
        return !string.IsNullOrEmpty(element) ? element : !string.IsNullOrEmpty(attribute) ? attribute : null;
    }

    private static string Refusal(HttpStatusCode status, Uri endpoint)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return (int)status switch
        {
            401 or 403 or 404 or 422 => $"plex.tv refused the claim token ({code}): it has expired (tokens last 4 minutes) or was already used. "
                + "Get a new one from https://plex.tv/claim and run the action again straight away.",
            >= 500 => $"plex.tv failed to exchange the claim token ({code}). Try again in a few minutes with a new token from https://plex.tv/claim.",
            _ => $"plex.tv answered {code} to POST {endpoint}. Try again with a new token from https://plex.tv/claim.",
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await Http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClaimException(TimedOut(endpoint));
        }
        catch (HttpRequestException e) when (PlexHttp.IsTooLarge(e))
        {
            throw new ClaimException(string.Create(
                CultureInfo.InvariantCulture,
                $"plex.tv's answer to POST {endpoint} was larger than {options.MaxAnswerBytes} bytes, so the charm did not read it. Check what the unit reaches as plex.tv (a proxy?), then run the action again with a new token."));
        }
        catch (HttpRequestException e)
        {
            // Not chained: the transport's exception may carry the request URI, and its query holds the claim token.
            throw new ClaimException($"Could not reach plex.tv at {endpoint} ({e.HttpRequestError}). "
                + "Check that the unit can reach plex.tv, then run the action again with a new token.");
        }
    }

    private string TimedOut(Uri endpoint) => string.Create(
        CultureInfo.InvariantCulture,
        $"plex.tv did not answer within {options.HttpTimeout.TotalSeconds:0.#} s (POST {endpoint}). Check that the unit can reach plex.tv, then run the action again with a new token.");
}
