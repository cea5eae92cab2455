using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>The simulator's in-process face raises the production client's exceptions, and records what it would have sent.</summary>
public sealed class SimulatorInProcessTests
{
    private readonly KubernetesSimulator _simulator = new();

    public SimulatorInProcessTests()
    {
        _simulator.StatefulSets.Put(JujuStatefulSet.Load());
    }

    [Fact]
    public async Task GetAsync_returns_the_stored_StatefulSet()
    {
        var statefulSet = await _simulator.Api.GetAsync("media", "plex", TestContext.Current.CancellationToken);

        JsonAssert.Equal(_simulator.StatefulSets.Get("media", "plex"), statefulSet);
    }

    [Theory]
    [InlineData(StatefulSetPatchKind.StrategicMerge, "application/strategic-merge-patch+json", """{"spec":{"replicas":2}}""")]
    [InlineData(StatefulSetPatchKind.Json, "application/json-patch+json", """[{"op":"replace","path":"/spec/replicas","value":2}]""")]
    [InlineData(StatefulSetPatchKind.Merge, "application/merge-patch+json", """{"spec":{"replicas":2}}""")]
    public async Task PatchAsync_sends_each_kind_with_its_content_type(StatefulSetPatchKind kind, string contentType, string body)
    {
        var result = await _simulator.Api.PatchAsync("media", "plex", kind, body, TestContext.Current.CancellationToken);

        Assert.Equal(2, (int)result["spec"]!["replicas"]!);
        var request = Assert.Single(_simulator.Requests);
        Assert.Equal(("PATCH", contentType, body, "fieldManager=charmarr-ops"), (request.Method, request.ContentType, request.Body, request.Query));
    }

    [Fact]
    public async Task A_403_is_a_forbidden_exception_that_tells_the_operator_to_trust_the_application()
    {
        _simulator.FailNext(403);

        var e = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => _simulator.Api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("Forbidden", e.Reason);
        Assert.Contains("juju trust plex --scope=cluster", e.Message, StringComparison.Ordinal);
        Assert.Contains("--trust", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lasting_fault_fails_every_matching_request_until_cleared()
    {
        _simulator.FailAlways(403, method: "PATCH");

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<KubernetesForbiddenException>(
                () => _simulator.Api.PatchAsync("media", "plex", StatefulSetPatchKind.Merge, "{}", TestContext.Current.CancellationToken));
        }

        await _simulator.Api.GetAsync("media", "plex", TestContext.Current.CancellationToken);
        _simulator.ClearFaults();
        await _simulator.Api.PatchAsync("media", "plex", StatefulSetPatchKind.Merge, "{}", TestContext.Current.CancellationToken);

        Assert.Equal([403, 403, 403, 200, 200], _simulator.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task An_unreachable_api_server_is_a_connection_exception_and_records_nothing()
    {
        _simulator.IsUnreachable = true;

        await Assert.ThrowsAsync<KubernetesConnectionException>(() => _simulator.Api.GetAsync("media", "plex", TestContext.Current.CancellationToken));
        _simulator.ClearFaults();
        await _simulator.Api.GetAsync("media", "plex", TestContext.Current.CancellationToken);

        Assert.Single(_simulator.Requests);
    }

    [Fact]
    public void The_typed_view_reads_volumes_mounts_and_security_contexts()
    {
        var view = new StatefulSetView(_simulator.StatefulSets.Get("media", "plex")!);

        Assert.Equal(("plex", "media", "plex"), (view.Name, view.Namespace, view.ServiceAccountName));
        Assert.Equal(["charm", "plex"], view.Containers.Select(c => c.Name));
        Assert.True(view.Volume("charm-data")!.IsEmptyDir);
        Assert.Equal(new VolumeMountView("charm-data", "/charm/bin", true, "charm/bin"), view.Container("charm").MountAt("/charm/bin"));
        Assert.Equal("/charm/bin", view.Container("charm").Mount("charm-data")?.MountPath);
        Assert.Equal(new SecurityContextView(0, 0, null, null, null), view.Container("charm").SecurityContext);
        Assert.Null(view.FsGroup);
        Assert.Equal("plex", view.Container("charm").Environment["JUJU_CONTAINER_NAMES"]);
        Assert.Contains("sonarr", Assert.Throws<KeyNotFoundException>(() => view.Container("sonarr")).Message, StringComparison.Ordinal);
        Assert.Equal(view, new StatefulSetView(_simulator.StatefulSets.Get("media", "plex")!));
    }

    [Fact]
    public async Task A_missing_StatefulSet_is_a_not_found_exception()
    {
        var e = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => _simulator.Api.GetAsync("media", "sonarr", TestContext.Current.CancellationToken));

        Assert.Contains("StatefulSet media/sonarr was not found", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, true)]
    [InlineData(422, false)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public async Task Other_failures_carry_their_status_and_whether_they_are_transient(int code, bool transient)
    {
        _simulator.FailNext(code);

        var e = await Assert.ThrowsAsync<KubernetesException>(
            () => _simulator.Api.PatchAsync("media", "plex", StatefulSetPatchKind.StrategicMerge, "{}", TestContext.Current.CancellationToken));

        Assert.Equal(code, e.StatusCode);
        Assert.Equal(transient, e.IsTransient);
        Assert.Contains($"({code} ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_sends_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _simulator.Api.GetAsync("media", "plex", cancelled.Token));
        Assert.Empty(_simulator.Requests);
    }
}
