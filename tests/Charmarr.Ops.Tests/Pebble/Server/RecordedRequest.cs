using System.Text;

namespace Charmarr.Ops.Tests.Pebble.Server;

/// <summary>One HTTP request exactly as it arrived on the socket.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query), verbatim.</param>
/// <param name="Headers">The headers in arrival order, names and values verbatim.</param>
/// <param name="Body">The decoded body (de-chunked); empty when it was too large to keep.</param>
/// <param name="BodyLength">The decoded body's length.</param>
/// <param name="BodySha256">The decoded body's SHA-256, hex.</param>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[] Body,
    long BodyLength,
    string BodySha256)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>A header's value; null when absent.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
