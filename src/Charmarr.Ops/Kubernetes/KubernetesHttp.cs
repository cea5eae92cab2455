using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// An HTTP client for the API server the official client's configuration describes: its address, the cluster CA it
/// trusts (the system's trust store when it names none), and the bearer token it authenticates with (re-read by the
/// token provider as the kubelet rotates it). Client certificates, basic auth and skipping TLS verification (kubeconfig
/// features an in-cluster charm never uses) are not supported.
/// </summary>
internal sealed class KubernetesHttp : IDisposable
{
    /// <summary>The largest answer read into memory: a StatefulSet is a few KiB, a Status less.</summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly KubernetesClientConfiguration configuration;
    private readonly Uri baseAddress;

    public KubernetesHttp(KubernetesClientConfiguration configuration)
    {
        this.configuration = configuration;
        if (!Uri.TryCreate(configuration.Host, UriKind.Absolute, out var host) || host.Scheme is not ("http" or "https"))
        {
            throw new KubernetesException($"The Kubernetes API server address '{configuration.Host}' is not an http(s) URL.");
        }

        baseAddress = host;
        var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = CertificateValidation(configuration) } };
        if (configuration.TlsServerName is { Length: > 0 } serverName)
        {
            handler.SslOptions.TargetHost = serverName;
        }

        Client = new HttpClient(handler) { Timeout = configuration.HttpClientTimeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        if (configuration.UserAgent is { Length: > 0 } agent)
        {
            Client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        }
    }

    public HttpClient Client { get; }

    /// <summary>The API path under the server's address (which may itself carry a path prefix, as a proxy's does).</summary>
    public Uri Resolve(string pathAndQuery) => new(baseAddress.AbsoluteUri.TrimEnd('/') + pathAndQuery);

    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration.TokenProvider is { } tokens)
        {
            request.Headers.Authorization = await tokens.GetAuthenticationHeaderAsync(cancellationToken);
        }
        else if (configuration.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public void Dispose() => Client.Dispose();

    private static RemoteCertificateValidationCallback? CertificateValidation(KubernetesClientConfiguration configuration)
    {
        if (configuration.SslCaCerts is not { Count: > 0 } authorities)
        {
            return null;
        }

        // The cluster's own CA, not the system's trust store: the official client's check.
        return (sender, certificate, chain, errors) =>
            certificate is not null && chain is not null && k8s.Kubernetes.CertificateValidationCallBack(sender, authorities, certificate, chain, errors);
    }
}
