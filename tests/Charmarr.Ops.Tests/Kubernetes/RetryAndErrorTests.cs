using System.Net;
using System.Net.Sockets;
using Charmarr.Ops.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>Transient failures are retried with backoff and re-planning; the others are typed at once.</summary>
public sealed class RetryAndErrorTests
{
    private static StatefulSetSpec HardwareTranscoding() => new("plex")
    {
        Volumes = { StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory) },
    };

    public static TheoryData<int, Face> TransientCodes()
    {
        var data = new TheoryData<int, Face>();
        foreach (var code in new[] { 409, 429, 500, 502, 503, 504 })
        {
            data.Add(code, Face.InProcess);
            data.Add(code, Face.Http);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransientCodes))]
    public async Task A_transient_failure_of_the_read_is_retried_with_backoff_until_it_succeeds(int code, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.FailNext(code, times: 2, method: "GET");

        var result = await cluster.ReconcileAsync(HardwareTranscoding());

        Assert.True(result.Changed);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], cluster.Delays);
        Assert.Equal([("GET", code), ("GET", code), ("GET", 200), ("PATCH", 200)], cluster.Simulator.Requests.Select(r => (r.Method, r.StatusCode)));
    }

    [Theory]
    [MemberData(nameof(TransientCodes))]
    public async Task A_transient_failure_of_the_patch_is_retried_by_reading_again(int code, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.FailNext(code, method: "PATCH");

        var result = await cluster.ReconcileAsync(HardwareTranscoding());

        Assert.Equal(2, result.Changes.Count);
        Assert.Equal([("GET", 200), ("PATCH", code), ("GET", 200), ("PATCH", 200)], cluster.Simulator.Requests.Select(r => (r.Method, r.StatusCode)));
        Assert.Contains("dev-dri", cluster.VolumeNames());
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_patch_that_went_through_before_its_answer_was_lost_is_not_sent_again(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.FailNext(503, method: "GET");
        await cluster.ArrangeAsync(HardwareTranscoding());
        cluster.Simulator.FailNext(503, method: "GET");

        var result = await cluster.ReconcileAsync(HardwareTranscoding());

        Assert.False(result.Changed);
        Assert.Empty(cluster.Patches);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task When_the_retries_run_out_the_last_failure_is_thrown_typed(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.FailNext(503, times: 10);

        var e = await Assert.ThrowsAsync<KubernetesException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal("ServiceUnavailable", e.Reason);
        Assert.Equal(4, cluster.Simulator.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], cluster.Delays);
    }

    [Fact]
    public async Task Conflicts_that_outlast_the_retries_are_typed_409()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess, retry: new KubernetesRetryPolicy { MaxAttempts = 2 });
        cluster.Simulator.FailNext(409, times: 2);

        var e = await Assert.ThrowsAsync<KubernetesException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal(409, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Single(cluster.Delays);
    }

    [Fact]
    public async Task The_backoff_doubles_up_to_the_longest_wait()
    {
        var retry = new KubernetesRetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };
        await using var cluster = SimulatedCluster.Start(Face.InProcess, retry: retry);
        cluster.Simulator.FailNext(500, times: 6);

        await Assert.ThrowsAsync<KubernetesException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal([1, 2, 3, 3, 3], cluster.Delays.Select(d => d.TotalSeconds));
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task Forbidden_is_not_retried_and_tells_the_operator_to_trust_the_application(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.FailNext(403, method: "PATCH");

        var e = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal(
            "Kubernetes does not allow the charm to patch StatefulSet media/plex (403 Forbidden: statefulsets.apps \"plex\" is forbidden: "
            + "User \"system:serviceaccount:media:plex\" cannot patch resource \"statefulsets\" in API group \"apps\" in the namespace \"media\"). "
            + "Give the application access to the cluster: run `juju trust plex --scope=cluster`, or deploy it with --trust.",
            e.Message);
        Assert.Empty(cluster.Delays);
        Assert.Equal(2, cluster.Simulator.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_missing_StatefulSet_is_not_retried_and_is_typed(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        cluster.Simulator.StatefulSets.Remove(SimulatedCluster.Namespace, SimulatedCluster.App);

        var e = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal(404, e.StatusCode);
        Assert.StartsWith("StatefulSet media/plex was not found (404 NotFound: statefulsets.apps \"plex\" not found).", e.Message, StringComparison.Ordinal);
        Assert.Single(cluster.Simulator.Requests);
    }

    [Theory]
    [MemberData(nameof(SimulatedCluster.Faces), MemberType = typeof(SimulatedCluster))]
    public async Task A_refused_removal_of_an_unchanged_StatefulSet_is_read_once_more_then_thrown(Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(HardwareTranscoding());
        cluster.Simulator.FailNext(422, method: "PATCH");

        var e = await Assert.ThrowsAsync<KubernetesException>(
            () => cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Absent("dev-dri") } }));

        Assert.Equal(422, e.StatusCode);
        Assert.Equal([("GET", 200), ("PATCH", 422), ("GET", 200)], cluster.Simulator.Requests.Select(r => (r.Method, r.StatusCode)));
    }

    [Fact]
    public async Task A_refused_strategic_merge_patch_is_not_retried()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);
        cluster.Simulator.FailNext(422, method: "PATCH");

        var e = await Assert.ThrowsAsync<KubernetesException>(() => cluster.ReconcileAsync(HardwareTranscoding()));

        Assert.Equal(422, e.StatusCode);
        Assert.Equal(2, cluster.Simulator.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_API_server_is_retried_then_typed()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var api = KubernetesStatefulSetApi.ForHost(new Uri($"http://127.0.0.1:{port}/"));
        var delays = new List<TimeSpan>();
        var reconciler = new StatefulSetReconciler(api, "media", "plex", new KubernetesRetryPolicy { Delay = (d, _) => { delays.Add(d); return Task.CompletedTask; } });

        var e = await Assert.ThrowsAsync<KubernetesConnectionException>(() => reconciler.ReconcileAsync(HardwareTranscoding(), TestContext.Current.CancellationToken));

        Assert.StartsWith("Cannot reach the Kubernetes API server to get StatefulSet media/plex: ", e.Message, StringComparison.Ordinal);
        Assert.Null(e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal(3, delays.Count);
    }

    [Fact]
    public async Task A_container_the_StatefulSet_does_not_have_is_named_with_the_ones_it_has_and_nothing_is_patched()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.ReconcileAsync(new StatefulSetSpec("plex-k8s") { Privileged = true }));

        Assert.Contains("no container named \"plex-k8s\" (it has: charm, plex)", e.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.Patches);
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_before_any_request()
    {
        await using var cluster = SimulatedCluster.Start(Face.InProcess);

        await Assert.ThrowsAsync<ArgumentException>(() => cluster.ReconcileAsync(new StatefulSetSpec("plex") { Volumes = { StatefulSetVolume.Pvc("Bad_Name", "c", "/x") } }));

        Assert.Empty(cluster.Simulator.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_the_reconcile_during_a_backoff()
    {
        using var cancel = new CancellationTokenSource();
        var simulator = new Testing.Kubernetes.KubernetesSimulator();
        simulator.StatefulSets.Put(SimulatedCluster.JujuStatefulSet());
        simulator.FailNext(503, times: 5);
        var reconciler = new StatefulSetReconciler(simulator.Api, "media", "plex", new KubernetesRetryPolicy
        {
            Delay = async (_, token) => { await cancel.CancelAsync(); token.ThrowIfCancellationRequested(); },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reconciler.ReconcileAsync(HardwareTranscoding(), cancel.Token));

        Assert.Single(simulator.Requests);
    }
}
