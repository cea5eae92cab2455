using System.Text.Json.Nodes;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>The production client against the simulator's HTTP face: what goes on the wire, and how errors come back.</summary>
public sealed class KubernetesStatefulSetApiTests : IAsyncDisposable
{
    private const string Path = "/apis/apps/v1/namespaces/media/statefulsets/plex";

    private readonly SimulatedCluster _cluster = SimulatedCluster.Start(Face.Http);

    private KubernetesSimulator Simulator => _cluster.Simulator;

    private IStatefulSetApi Api => _cluster.Api;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task GetAsync_reads_the_StatefulSet_at_its_API_path()
    {
        var statefulSet = await Api.GetAsync("media", "plex", TestContext.Current.CancellationToken);

        var request = Assert.Single(Simulator.Requests);
        Assert.Equal(("GET", Path), (request.Method, request.Path));
        var stored = Simulator.StatefulSets.Get("media", "plex")!;
        Assert.Equal((string?)stored["metadata"]!["resourceVersion"], (string?)statefulSet["metadata"]!["resourceVersion"]);
        Assert.True(JsonNode.DeepEquals(stored["spec"]!["template"]!["spec"]!["volumes"], statefulSet["spec"]!["template"]!["spec"]!["volumes"]));
        Assert.True(JsonNode.DeepEquals(
            stored["spec"]!["template"]!["spec"]!["containers"]![1]!["volumeMounts"],
            statefulSet["spec"]!["template"]!["spec"]!["containers"]![1]!["volumeMounts"]));
    }

    [Theory]
    [InlineData(StatefulSetPatchKind.StrategicMerge, "application/strategic-merge-patch+json; charset=utf-8", """{"spec":{"replicas":2}}""")]
    [InlineData(StatefulSetPatchKind.Json, "application/json-patch+json; charset=utf-8", """[{"op":"replace","path":"/spec/replicas","value":2}]""")]
    [InlineData(StatefulSetPatchKind.Merge, "application/merge-patch+json; charset=utf-8", """{"spec":{"replicas":2}}""")]
    public async Task PatchAsync_sends_each_kind_with_its_content_type_and_the_charms_field_manager(StatefulSetPatchKind kind, string contentType, string body)
    {
        var result = await Api.PatchAsync("media", "plex", kind, body, TestContext.Current.CancellationToken);

        var request = Assert.Single(Simulator.Requests);
        Assert.Equal(("PATCH", Path, "fieldManager=charmarr-ops", contentType, body), (request.Method, request.Path, request.Query, request.ContentType, request.Body));
        Assert.Equal(2, (int)result["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_403_becomes_the_forbidden_exception_with_the_API_servers_reason()
    {
        Simulator.FailNext(403);

        var e = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => Api.GetAsync("media", "plex", TestContext.Current.CancellationToken));

        Assert.Equal(("Forbidden", 403), (e.Reason, e.StatusCode));
        Assert.Contains("cannot get resource \"statefulsets\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("`juju trust plex --scope=cluster`", e.Message, StringComparison.Ordinal);
        Assert.Null(e.InnerException);
    }

    [Fact]
    public async Task Other_statuses_keep_their_code_reason_and_message()
    {
        Simulator.FailNext(500);

        var e = await Assert.ThrowsAsync<KubernetesException>(
            () => Api.PatchAsync("media", "plex", StatefulSetPatchKind.Json, "[]", TestContext.Current.CancellationToken));

        Assert.Equal(
            "Kubernetes could not patch StatefulSet media/plex (500 InternalError: the simulator was told to fail this request with 500).",
            e.Message);
        Assert.Equal((500, "InternalError"), (e.StatusCode, e.Reason));
    }

    [Fact]
    public void InCluster_outside_a_pod_says_why_it_cannot_connect()
    {
        Assert.SkipWhen(
            k8s.KubernetesClientConfiguration.IsInCluster(),
            "This test process runs in a Kubernetes pod with a service account, where InCluster() succeeds.");

        var e = Assert.Throws<KubernetesException>(KubernetesStatefulSetApi.InCluster);

        Assert.Contains("not in a Kubernetes pod with a mounted service account token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateInCluster_takes_the_application_and_model_names_and_needs_a_pod()
    {
        Assert.SkipWhen(k8s.KubernetesClientConfiguration.IsInCluster(), "This test process runs in a Kubernetes pod.");

        Assert.Throws<KubernetesException>(() => StatefulSetReconciler.CreateInCluster("plex", "media"));
        Assert.Throws<ArgumentException>(() => StatefulSetReconciler.CreateInCluster("plex", ""));
    }
}
