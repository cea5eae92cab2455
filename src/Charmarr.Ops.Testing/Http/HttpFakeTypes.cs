using System.Globalization;

namespace Charmarr.Ops.Testing.Http;

/// <summary>A request the fake received.</summary>
/// <param name="Method">The method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path, e.g. <c>/identity</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Headers">The headers (names compared case-insensitively; repeated values joined with commas).</param>
/// <param name="Body">The body, as UTF-8 text.</param>
public sealed record HttpFakeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>One query parameter's (first) value, unescaped; <see langword="null"/> when absent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public string? QueryValue(string name) =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "")
            .FirstOrDefault();

    /// <summary>A header's value, or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path + Query;
}

/// <summary>What the fake answers.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body.</param>
/// <param name="ContentType">The content type.</param>
public sealed record HttpFakeResponse(int Status, string Body = "", string ContentType = "text/plain; charset=utf-8")
{
    /// <summary>Whether the body is sent chunked, without a <c>Content-Length</c> (default: with one).</summary>
    public bool Chunked { get; init; }

    /// <summary>An XML answer.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="body">The XML.</param>
    /// <returns>The response.</returns>
    public static HttpFakeResponse Xml(int status, string body) => new(status, body, "application/xml");

    /// <summary>A JSON answer.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="body">The JSON.</param>
    /// <returns>The response.</returns>
    public static HttpFakeResponse Json(int status, string body) => new(status, body, "application/json");

    /// <summary>An answer with a status and no body.</summary>
    /// <param name="status">The status code.</param>
    /// <returns>The response.</returns>
    public static HttpFakeResponse Empty(int status) => new(status);

    /// <inheritdoc />
    public override string ToString() => Status.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A fault the fake injects instead of its scripted answer.</summary>
public abstract record HttpFault
{
    private HttpFault()
    {
    }

    /// <summary>Never answers: the request hangs until the client gives up (its time-out or cancellation).</summary>
    public static HttpFault Hang { get; } = new HangFault();

    /// <summary>Closes the connection without an answer.</summary>
    public static HttpFault Drop { get; } = new DropFault();

    /// <summary>Answers with a status (and an optional body) instead of the scripted answer.</summary>
    /// <param name="status">The status code, e.g. 500 or 503.</param>
    /// <param name="body">The body.</param>
    /// <returns>The fault.</returns>
    public static HttpFault Status(int status, string body = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        return new StatusFault(new HttpFakeResponse(status, body));
    }

    internal sealed record HangFault : HttpFault;

    internal sealed record DropFault : HttpFault;

    internal sealed record StatusFault(HttpFakeResponse Response) : HttpFault;
}
