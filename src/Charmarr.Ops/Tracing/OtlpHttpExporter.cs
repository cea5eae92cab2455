using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// Posts OTLP/HTTP JSON (<c>Content-Type: application/json</c>) to <see cref="TracingDestination.TracesUrl"/>, trusting
/// the destination's CA when it names one. One connection per dispatch: a charm process lives for one hook.
/// </summary>
internal sealed class OtlpHttpExporter : ITraceExporter
{
    public static OtlpHttpExporter Instance { get; } = new();

    public async Task<string?> ExportAsync(TracingDestination destination, byte[] payload, TimeSpan deadline)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = deadline };
        using var trust = destination.CaCertificate is { Length: > 0 } pem ? LoadCa(pem) : null;
        if (trust is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(trust, certificate, errors);
        }

        using var client = new HttpClient(handler) { Timeout = deadline };
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(destination.TracesUrl, content).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"the collector answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {deadline.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    private static X509Certificate2? LoadCa(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool Validate(X509Certificate2 trust, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(trust);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
