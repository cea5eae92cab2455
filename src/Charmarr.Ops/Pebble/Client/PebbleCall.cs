using System.Text;

namespace Charmarr.Ops.Pebble;

/// <summary>One JSON request to Pebble: the operation it serves (for errors), method, target and body.</summary>
/// <param name="Operation">The operation, e.g. <c>pebble start plex</c>.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Target">The path and query.</param>
internal sealed record PebbleCall(string Operation, HttpMethod Method, string Target)
{
    /// <summary>The JSON body, written like ops'.</summary>
    public OpsJson? Body { get; init; }

    /// <summary>How long Pebble may take; null for the client's timeout (long-polls add their server-side wait).</summary>
    public TimeSpan? Limit { get; init; }

    /// <summary>Builds the HTTP request with the headers ops sends.</summary>
    /// <returns>The request.</returns>
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Target);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body.ToString()));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return request;
    }
}
