using System.Net;
using System.Net.Sockets;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>
/// Issue 15: an API server that accepts connections and never answers cost a hook ~400 s (4 tries x 100 s). Each call
/// now has an attempt timeout and the reconciler a budget for all its calls; a small budget keeps these tests fast.
/// </summary>
public sealed class SilentApiServerTests : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> accepted = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    public SilentApiServerTests()
    {
        listener.Start();
        acceptLoop = AcceptForeverAsync();
    }

    private Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    private int Connections
    {
        get
        {
            lock (accepted)
            {
                return accepted.Count;
            }
        }
    }

    private static StatefulSetSpec Spec() => new("plex") { Privileged = true };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        lock (accepted)
        {
            accepted.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }

    [Fact]
    public async Task A_silent_api_server_ends_the_reconcile_with_a_timeout_once_the_budget_is_spent()
    {
        using var api = KubernetesStatefulSetApi.ForHost(Address);
        var policy = KubernetesRetryPolicy.Default with
        {
            Budget = TimeSpan.FromSeconds(1),
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            InitialDelay = TimeSpan.FromMilliseconds(10),
            MaxAttempts = 100,
        };
        using var reconciler = new StatefulSetReconciler(api, "media", "plex", policy);

        var e = await Assert.ThrowsAsync<KubernetesTimeoutException>(() => reconciler.ReconcileAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(1), e.Budget);
        Assert.Contains("budget for Kubernetes calls ran out", e.Message, StringComparison.Ordinal);
        Assert.Contains("StatefulSet media/plex", e.Message, StringComparison.Ordinal);
        Assert.IsType<KubernetesConnectionException>(e.InnerException);
        Assert.Contains("did not answer within 0.3 s to get", e.InnerException!.Message, StringComparison.Ordinal);
        Assert.True(Connections >= 2, $"the timed-out attempt was retried ({Connections} connections)");
    }

    [Fact]
    public async Task The_budget_spans_every_reconcile_of_the_hook()
    {
        using var api = KubernetesStatefulSetApi.ForHost(Address);
        var policy = KubernetesRetryPolicy.Default with { Budget = TimeSpan.FromMilliseconds(300), AttemptTimeout = TimeSpan.FromSeconds(10) };
        using var reconciler = new StatefulSetReconciler(api, "media", "plex", policy);
        await Assert.ThrowsAsync<KubernetesTimeoutException>(() => reconciler.ReconcileAsync(Spec(), TestContext.Current.CancellationToken));
        var connections = Connections;

        var e = await Assert.ThrowsAsync<KubernetesTimeoutException>(() => reconciler.ReconcileAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Contains("after 0 attempt(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(connections, Connections);
    }

    [Fact]
    public async Task Attempts_that_time_out_within_the_budget_end_as_an_unreachable_api_server()
    {
        using var api = KubernetesStatefulSetApi.ForHost(Address);
        var policy = KubernetesRetryPolicy.Default with
        {
            MaxAttempts = 2,
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            Budget = TimeSpan.FromMinutes(5),
            Delay = (_, _) => Task.CompletedTask,
        };
        using var reconciler = new StatefulSetReconciler(api, "media", "plex", policy);

        var e = await Assert.ThrowsAsync<KubernetesConnectionException>(() => reconciler.ReconcileAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.True(e.IsTransient);
        Assert.Contains("did not answer within 0.2 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_reported_as_a_timeout()
    {
        using var api = KubernetesStatefulSetApi.ForHost(Address);
        using var reconciler = new StatefulSetReconciler(api, "media", "plex");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reconciler.ReconcileAsync(Spec(), cancel.Token));
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token); // accepted, never answered
                lock (accepted)
                {
                    accepted.Add(client);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ObjectDisposedException)
        {
            // Stopped: the listener may be stopped before this loop first reaches Accept ("Not listening").
        }
    }
}
