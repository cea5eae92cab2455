using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Charmarr.Ops.Kubernetes;
using k8s;
using k8s.Authentication;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>
/// What the in-cluster configuration asks of the client, against a loopback HTTPS server: trust the cluster's CA (and
/// only it), and send the service account's bearer token from its file.
/// </summary>
public sealed class KubernetesInClusterTlsTests : IDisposable
{
    private const string StatefulSetJson = """{"kind":"StatefulSet","metadata":{"name":"plex","namespace":"media"},"spec":{"replicas":1}}""";

    private readonly X509Certificate2 clusterCa = CertificateAuthority("kubernetes-ca");
    private readonly X509Certificate2 otherCa = CertificateAuthority("someone-else");
    private readonly string tokenFile = Path.Combine(Directory.CreateTempSubdirectory("charmarr-k8s-token-").FullName, "token");

    public void Dispose()
    {
        clusterCa.Dispose();
        otherCa.Dispose();
        Directory.Delete(Path.GetDirectoryName(tokenFile)!, recursive: true);
    }

    [Fact]
    public async Task The_service_account_token_goes_as_a_bearer_header_to_a_server_the_cluster_CA_signed()
    {
        await File.WriteAllTextAsync(tokenFile, "sa-token-1\n", TestContext.Current.CancellationToken);
        using var serverCertificate = ServerCertificate(clusterCa);
        await using var server = TlsServer.Start(serverCertificate);
        using var api = new KubernetesStatefulSetApi(InClusterLike(server.Port, clusterCa));

        var statefulSet = await api.GetAsync("media", "plex", TestContext.Current.CancellationToken);

        Assert.Equal(1, (int)statefulSet["spec"]!["replicas"]!);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /apis/apps/v1/namespaces/media/statefulsets/plex HTTP/1.1", request, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer sa-token-1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_from_another_CA_is_refused_before_the_token_is_sent()
    {
        await File.WriteAllTextAsync(tokenFile, "sa-token-1", TestContext.Current.CancellationToken);
        using var serverCertificate = ServerCertificate(otherCa);
        await using var server = TlsServer.Start(serverCertificate);
        using var api = new KubernetesStatefulSetApi(InClusterLike(server.Port, clusterCa));

        var e = await Assert.ThrowsAsync<KubernetesConnectionException>(() => api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.StartsWith("Cannot reach the Kubernetes API server to get StatefulSet media/plex: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_missing_token_file_is_a_clear_Kubernetes_error_not_a_raw_IO_exception()
    {
        using var serverCertificate = ServerCertificate(clusterCa);
        await using var server = TlsServer.Start(serverCertificate);
        using var api = new KubernetesStatefulSetApi(InClusterLike(server.Port, clusterCa));

        var e = await Assert.ThrowsAsync<Ops.Kubernetes.KubernetesException>(() => api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.StartsWith("Cannot read the pod's service account token to get StatefulSet media/plex: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private KubernetesClientConfiguration InClusterLike(int port, X509Certificate2 ca) => new()
    {
        Host = $"https://127.0.0.1:{port}",
        SslCaCerts = [ca],
        TokenProvider = new TokenFileAuth(tokenFile),
    };

    private static X509Certificate2 CertificateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 ServerCertificate(X509Certificate2 issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var signed = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        // A PFX round trip gives a certificate whose key the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>A one-connection-at-a-time HTTPS server that records each request head and answers with the StatefulSet.</summary>
    private sealed class TlsServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 certificate;
        private readonly CancellationTokenSource stop = new();
        private Task? loop;

        private TlsServer(X509Certificate2 certificate)
        {
            this.certificate = certificate;
        }

        public List<string> Requests { get; } = [];

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static TlsServer Start(X509Certificate2 certificate)
        {
            var server = new TlsServer(certificate);
            server.listener.Start();
            server.loop = server.AcceptAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            try
            {
                await loop!;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }

            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await using var tls = new SslStream(client.GetStream());
                try
                {
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
                }
                catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                {
                    continue; // The client refused the certificate.
                }

                try
                {
                    await AnswerAsync(tls);
                }
                catch (IOException)
                {
                    // Under TLS 1.3 the server's handshake completes before the client rejects the certificate and hangs up.
                }
            }
        }

        private async Task AnswerAsync(SslStream tls)
        {
            var head = await ReadHeadAsync(tls);
            if (head.Length == 0)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add(head);
            }

            var body = Encoding.UTF8.GetBytes(StatefulSetJson);
            var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(response), stop.Token);
            await tls.WriteAsync(body, stop.Token);
            await tls.FlushAsync(stop.Token);
        }

        private async Task<string> ReadHeadAsync(Stream stream)
        {
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, stop.Token) == 1)
            {
                head.Append((char)buffer[0]);
            }

            return head.ToString();
        }
    }
}
