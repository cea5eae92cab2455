using System.Net;
using System.Net.Sockets;
using System.Text;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>Issue 15: whatever the API server answers, the client throws only <see cref="KubernetesException"/>s.</summary>
public sealed class HostileAnswerTests : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private Task serving = Task.CompletedTask;

    public HostileAnswerTests() => listener.Start();

    private Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await serving;
        stop.Dispose();
    }

    [Theory]
    [InlineData("{\"metadata\":{\"name\":\"plex\",\"name\":\"other\"}}")]
    [InlineData("{\"metadata\":{\"name\":\"\\ud800\"}}")]
    [InlineData("{\"\\udc00\":1}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public async Task A_statefulset_answer_that_is_not_valid_json_is_a_kubernetes_exception(string body)
    {
        Serve("200 OK", body);
        using var api = KubernetesStatefulSetApi.ForHost(Address);

        var e = await Assert.ThrowsAsync<KubernetesException>(() => api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_with_undecodable_json_still_maps_to_its_exception()
    {
        Serve("403 Forbidden", "{\"message\":\"\\ud800\",\"message\":\"x\"}");
        using var api = KubernetesStatefulSetApi.ForHost(Address);

        await Assert.ThrowsAsync<KubernetesForbiddenException>(() => api.GetAsync("media", "plex", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_refused_unread_and_not_retried_as_unreachable()
    {
        Serve("200 OK", "{}", contentLength: 64L * 1024 * 1024);
        using var api = KubernetesStatefulSetApi.ForHost(Address);

        var e = await Assert.ThrowsAsync<KubernetesException>(() => api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.Contains("was larger than 16 MiB", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    private void Serve(string status, string body, long? contentLength = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {contentLength ?? bytes.Length}\r\nConnection: close\r\n\r\n");
        serving = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[65536];
                    _ = await stream.ReadAsync(buffer, stop.Token); // the request head; the client sends no body on GET
                    await stream.WriteAsync(head, stop.Token);
                    await stream.WriteAsync(bytes, stop.Token);
                    await stream.FlushAsync(stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Stopped: the listener may be stopped before this task first reaches Accept ("Not listening").
            }
        });
    }
}
