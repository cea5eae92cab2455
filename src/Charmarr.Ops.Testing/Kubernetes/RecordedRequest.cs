namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>A request the simulator received (from either face), for tests to assert on, e.g. that no PATCH was sent.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c> or <c>PATCH</c>.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query without <c>?</c> (e.g. <c>fieldManager=charmarr-ops</c>), or <see langword="null"/>.</param>
/// <param name="ContentType">The <c>Content-Type</c> header as sent, or <see langword="null"/>.</param>
/// <param name="Body">The body, or <see langword="null"/>.</param>
/// <param name="StatusCode">The status the simulator answered with.</param>
public sealed record RecordedRequest(string Method, string Path, string? Query, string? ContentType, string? Body, int StatusCode)
{
    /// <summary>The media type of <see cref="ContentType"/>, without parameters such as <c>charset</c>.</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim();
}
