using System.Security.Cryptography;
using System.Text;

namespace Charmarr.Ops.Testing.Pebble.Server.Multipart;

/// <summary>Writes a multipart body the way Go's <c>mime/multipart.Writer</c> does: 60-hex-char boundary, sorted part headers.</summary>
internal sealed class MultipartFileWriter(Stream body)
{
    private bool firstPart = true;

    public string Boundary { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(30));

    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    /// <summary>Starts a <c>files</c> part named after the requested path (Go's <c>CreateFormFile</c>).</summary>
    public Task StartFilePartAsync(string path, CancellationToken cancellationToken) =>
        StartPartAsync(
            $"form-data; name=\"files\"; filename=\"{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
            "application/octet-stream",
            cancellationToken);

    /// <summary>Starts the trailing <c>response</c> part.</summary>
    public Task StartResponsePartAsync(CancellationToken cancellationToken) =>
        StartPartAsync("form-data; name=\"response\"", "application/json", cancellationToken);

    public Task CloseAsync(CancellationToken cancellationToken) =>
        WriteAsync($"\r\n--{Boundary}--\r\n", cancellationToken);

    private Task StartPartAsync(string disposition, string contentType, CancellationToken cancellationToken)
    {
        var opening = firstPart ? $"--{Boundary}\r\n" : $"\r\n--{Boundary}\r\n";
        firstPart = false;
        return WriteAsync($"{opening}Content-Disposition: {disposition}\r\nContent-Type: {contentType}\r\n\r\n", cancellationToken);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken) =>
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
}
