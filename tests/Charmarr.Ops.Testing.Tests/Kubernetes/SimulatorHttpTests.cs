using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Kubernetes;

namespace Charmarr.Ops.Testing.Tests.Kubernetes;

/// <summary>The simulator's HTTP face, spoken to with a plain <see cref="HttpClient"/> (and a raw socket where HttpClient cannot say it).</summary>
public sealed class SimulatorHttpTests : IAsyncLifetime
{
    private const string Path = "/apis/apps/v1/namespaces/media/statefulsets/plex";
    private const string Strategic = "application/strategic-merge-patch+json";

    private readonly KubernetesSimulator _simulator = new();
    private KubernetesApiServer _server = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _simulator.StatefulSets.Put(JujuStatefulSet.Load());
        _server = _simulator.StartServer();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GET_returns_the_stored_StatefulSet_as_JSON()
    {
        using var response = await _http.GetAsync(Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonAssert.Equal(_simulator.StatefulSets.Get("media", "plex"), await Json(response));
    }

    [Theory]
    [InlineData("/api/v1/namespaces/media/pods/plex-0", "the server could not find the requested resource", null)]
    [InlineData("/apis/apps/v1/namespaces/media/statefulsets/sonarr", "statefulsets.apps \"sonarr\" not found", "sonarr")]
    public async Task An_unknown_path_or_StatefulSet_is_a_404_Status(string path, string message, string? name)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);

        var status = await Json(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            ("Status", "v1", "Failure", "NotFound", 404, message, name),
            ((string?)status["kind"], (string?)status["apiVersion"], (string?)status["status"], (string?)status["reason"], (int)status["code"]!, (string?)status["message"], (string?)status["details"]?["name"]));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/apply-patch+yaml")]
    public async Task A_PATCH_in_another_format_is_a_415_and_changes_nothing(string contentType)
    {
        var before = _simulator.StatefulSets.Get("media", "plex");

        using var response = await Patch("""{"spec":{"replicas":2}}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", (string?)(await Json(response))["reason"]);
        JsonAssert.Equal(before, _simulator.StatefulSets.Get("media", "plex"));
    }

    [Theory]
    [InlineData(Strategic, """{"spec":{"replicas":2}}""")]
    [InlineData("application/merge-patch+json", """{"spec":{"replicas":2}}""")]
    [InlineData("application/json-patch+json", """[{"op":"replace","path":"/spec/replicas","value":2}]""")]
    public async Task A_PATCH_of_each_kind_is_applied_and_returns_the_result(string contentType, string body)
    {
        using var response = await Patch(body, $"{contentType}; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)(await Json(response))["spec"]!["replicas"]!);
        Assert.Equal(2, (int)_simulator.StatefulSets.Get("media", "plex")!["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_change_gets_a_new_resource_version_and_generation()
    {
        var before = _simulator.StatefulSets.Get("media", "plex")!["metadata"]!;

        using var response = await Patch("""{"spec":{"template":{"spec":{"securityContext":{"fsGroup":1000}}}}}""");

        var after = (await Json(response))["metadata"]!;
        Assert.NotEqual((string?)before["resourceVersion"], (string?)after["resourceVersion"]);
        Assert.Equal((long)before["generation"]! + 1, (long)after["generation"]!);
    }

    [Fact]
    public async Task A_PATCH_that_changes_nothing_keeps_the_resource_version()
    {
        var before = _simulator.StatefulSets.Get("media", "plex")!["metadata"]!;

        using var response = await Patch("""{"spec":{"replicas":1}}""");

        var after = (await Json(response))["metadata"]!;
        Assert.Equal((string?)before["resourceVersion"], (string?)after["resourceVersion"]);
        Assert.Equal((long)before["generation"]!, (long)after["generation"]!);
    }

    [Fact]
    public async Task A_change_of_metadata_only_keeps_the_generation()
    {
        var before = _simulator.StatefulSets.Get("media", "plex")!["metadata"]!;

        using var response = await Patch("""{"metadata":{"labels":{"extra":"1"}}}""");

        var after = (await Json(response))["metadata"]!;
        Assert.NotEqual((string?)before["resourceVersion"], (string?)after["resourceVersion"]);
        Assert.Equal((long)before["generation"]!, (long)after["generation"]!);
    }

    [Fact]
    public async Task A_PATCH_cannot_change_status()
    {
        using var response = await Patch("""{"status":{"replicas":9}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)_simulator.StatefulSets.Get("media", "plex")!["status"]!["replicas"]!);
    }

    [Fact]
    public async Task A_mount_of_a_missing_volume_is_a_422_and_changes_nothing()
    {
        var before = _simulator.StatefulSets.Get("media", "plex");

        using var response = await Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"plex","volumeMounts":[{"name":"dev-dri","mountPath":"/dev/dri"}]}]}}}}""");

        var status = await Json(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Invalid", (string?)status["reason"]);
        Assert.Contains("spec.template.spec.containers[1].volumeMounts[0].name: Not found: \"dev-dri\"", (string?)status["message"]);
        JsonAssert.Equal(before, _simulator.StatefulSets.Get("media", "plex"));
    }

    [Fact]
    public async Task Two_mounts_at_one_path_and_two_volumes_of_one_name_are_invalid()
    {
        using var response = await Patch(
            """[{"op":"add","path":"/spec/template/spec/volumes/-","value":{"name":"charm-data","emptyDir":{}}},{"op":"add","path":"/spec/template/spec/containers/1/volumeMounts/-","value":{"name":"charm-data","mountPath":"/config"}}]""",
            "application/json-patch+json");

        var message = (string?)(await Json(response))["message"];
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("volumes[1].name: Duplicate value: \"charm-data\"", message);
        Assert.Contains("volumeMounts[3].mountPath: Invalid value: \"/config\": must be unique", message);
    }

    [Fact]
    public async Task A_failed_JSON_patch_test_is_a_422()
    {
        using var response = await Patch("""[{"op":"test","path":"/spec/replicas","value":3}]""", "application/json-patch+json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_patch_is_a_400()
    {
        using var response = await Patch("{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (string?)(await Json(response))["reason"]);
    }

    [Fact]
    public async Task An_ordering_directive_is_refused_as_unsupported()
    {
        using var response = await Patch("""{"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"charm-data"}]}}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not support the $setElementOrder/volumes directive", (string?)(await Json(response))["message"]);
    }

    [Fact]
    public async Task A_stale_resource_version_in_the_patch_is_a_409()
    {
        using var response = await Patch("""{"metadata":{"resourceVersion":"1"},"spec":{"replicas":2}}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, (int)_simulator.StatefulSets.Get("media", "plex")!["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_patch_may_not_rename_the_object()
    {
        using var response = await Patch("""{"metadata":{"name":"other"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_a_405()
    {
        using var response = await _http.DeleteAsync(Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(403, "Forbidden", "statefulsets.apps \"plex\" is forbidden: User \"system:serviceaccount:media:plex\" cannot patch resource \"statefulsets\" in API group \"apps\" in the namespace \"media\"")]
    [InlineData(404, "NotFound", "statefulsets.apps \"plex\" not found")]
    [InlineData(409, "Conflict", "Operation cannot be fulfilled on statefulsets.apps \"plex\": the object has been modified; please apply your changes to the latest version and try again")]
    [InlineData(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later")]
    [InlineData(500, "InternalError", "the simulator was told to fail this request with 500")]
    public async Task An_injected_failure_answers_with_the_API_servers_Status(int code, string reason, string message)
    {
        _simulator.FailNext(code, method: "PATCH");

        using var get = await _http.GetAsync(Path, TestContext.Current.CancellationToken);
        using var failed = await Patch("""{"spec":{"replicas":2}}""");
        using var next = await Patch("""{"spec":{"replicas":2}}""");

        var status = await Json(failed);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(code, (int)failed.StatusCode);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Equal(message, (string?)status["message"]);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Injected_failures_are_used_up_one_request_each()
    {
        _simulator.FailNext(503, times: 2);

        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _http.GetAsync(Path, TestContext.Current.CancellationToken);
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 200], codes);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_its_method_path_query_content_type_body_and_status()
    {
        const string body = """{"spec":{"replicas":2}}""";

        using (await _http.GetAsync(Path, TestContext.Current.CancellationToken))
        using (await Patch(body, Strategic + "; charset=utf-8", "?fieldManager=charmarr-ops"))
        {
        }

        Assert.Collection(
            _simulator.Requests,
            get => Assert.Equal(new RecordedRequest("GET", Path, null, null, null, 200), get),
            patch =>
            {
                Assert.Equal(new RecordedRequest("PATCH", Path, "fieldManager=charmarr-ops", Strategic + "; charset=utf-8", body, 200), patch);
                Assert.Equal(Strategic, patch.MediaType);
            });
    }

    [Fact]
    public async Task BeforeNext_changes_the_store_just_before_the_matching_request()
    {
        _simulator.BeforeNext("PATCH", store => store.Remove("media", "plex"));

        using var get = await _http.GetAsync(Path, TestContext.Current.CancellationToken);
        using var patch = await Patch("""{"spec":{"replicas":2}}""");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
    }

    [Fact]
    public async Task A_chunked_request_on_a_raw_connection_is_read_and_answered_once_when_the_client_closes()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        const string body = """{"spec":{"replicas":3}}""";
        var request = $"PATCH {Path} HTTP/1.1\r\nHost: x\r\nContent-Type: {Strategic}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + $"{5:x}\r\n{body[..5]}\r\n{body.Length - 5:x}\r\n{body[5..]}\r\n0\r\n\r\n";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        Assert.Contains("Connection: close", response, StringComparison.Ordinal);
        Assert.Equal(3, (int)_simulator.StatefulSets.Get("media", "plex")!["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_request_that_is_not_HTTP_is_a_400_and_the_connection_closes()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();

        await stream.WriteAsync("HELLO\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_requests_share_one_kept_alive_connection()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var get = Encoding.ASCII.GetBytes($"GET {Path} HTTP/1.1\r\nHost: x\r\n\r\n");
        var last = Encoding.ASCII.GetBytes($"GET {Path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        await stream.WriteAsync(get.Concat(get).Concat(last).ToArray(), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        var responses = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, responses.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Equal(3, _simulator.Requests.Count);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    private async Task<HttpResponseMessage> Patch(string body, string contentType = Strategic, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, Path + query) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
