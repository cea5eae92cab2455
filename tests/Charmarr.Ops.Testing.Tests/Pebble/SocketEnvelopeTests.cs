using System.Text.RegularExpressions;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class SocketEnvelopeTests
{
    private const string Layer = """
        services:
          web:
            override: replace
            command: /bin/web
            startup: enabled
        """;

    [Fact]
    public async Task Unknown_endpoint_is_404_with_pebbles_message()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.GetAsync("/v1/warnings");

        Assert.Equal(404, status);
        Assert.Equal("""{"type":"error","status-code":404,"status":"Not Found","result":{"message":"invalid API endpoint requested"}}""", body);
    }

    [Fact]
    public async Task Known_path_with_another_method_is_405()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.SendAsync("PUT", "/v1/services", "{}");

        Assert.Equal(405, status);
        Assert.Equal("""{"type":"error","status-code":405,"status":"Method Not Allowed","result":{"message":"method \"PUT\" not allowed"}}""", body);
    }

    [Fact]
    public async Task System_info_reports_version()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.GetAsync("/v1/system-info");

        Assert.Equal(200, status);
        Assert.Equal(
            $$$"""{"type":"sync","status-code":200,"status":"OK","result":{"boot-id":"{{{pebble.Simulator.BootId}}}","version":"v1.32.1"}}""",
            body);
    }

    [Fact]
    public async Task Add_layer_answers_sync_true_and_plan_is_a_yaml_string()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var added = await pebble.PostAsync("/v1/layers", $$"""{"action":"add","label":"base","combine":false,"format":"yaml","layer":{{Quote(Layer)}}}""");
        var plan = await pebble.GetAsync("/v1/plan?format=yaml");

        Assert.Equal((200, """{"type":"sync","status-code":200,"status":"OK","result":true}"""), added);
        Assert.Equal(
            """{"type":"sync","status-code":200,"status":"OK","result":"services:\n    web:\n        startup: enabled\n        override: replace\n        command: /bin/web\n"}""",
            plan.Body);
    }

    [Fact]
    public async Task Services_action_is_202_async_with_null_result_and_the_change_settles()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);

        var (status, body) = await pebble.PostAsync("/v1/services", """{"action":"replan","services":[]}""");
        var wait = await pebble.GetAsync("/v1/changes/1/wait?timeout=4.000s");

        Assert.Equal(202, status);
        Assert.Equal("""{"type":"async","status-code":202,"status":"Accepted","change":"1","result":null}""", body);
        Assert.Equal(200, wait.Status);
        Assert.Matches(
            "^" + Regex.Escape("""{"type":"sync","status-code":200,"status":"OK","result":{"id":"1","kind":"replan","summary":"Replan service \"web\"","status":"Done","tasks":[{"id":"1","kind":"start","summary":"Start service \"web\"","status":"Done","progress":{"label":"","done":1,"total":1},"spawn-time":""")
            + "\"[^\"]+\",\"ready-time\":\"[^\"]+\"}\\],\"ready\":true,\"spawn-time\":\"[^\"]+\",\"ready-time\":\"[^\"]+\"}}$",
            wait.Body);
    }

    [Fact]
    public async Task Wait_on_a_change_that_never_finishes_is_504_with_go_duration()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", """
            services:
              svc: {override: replace, command: run}
            checks:
              up: {override: replace, http: {url: "http://localhost/"}}
            """);
        var changeId = pebble.Simulator.GetChecks()[0].ChangeId;

        var (status, body) = await pebble.GetAsync($"/v1/changes/{changeId}/wait?timeout=0.050s");

        Assert.Equal(504, status);
        Assert.Equal("""{"type":"error","status-code":504,"status":"Gateway Timeout","result":{"message":"timed out waiting for change after 50ms"}}""", body);
    }

    [Fact]
    public async Task Unknown_change_is_404()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.GetAsync("/v1/changes/7");

        Assert.Equal(404, status);
        Assert.Equal("""{"type":"error","status-code":404,"status":"Not Found","result":{"message":"cannot find change with id \"7\""}}""", body);
    }

    [Fact]
    public async Task Autostart_without_enabled_services_carries_the_no_default_services_kind()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.PostAsync("/v1/services", """{"action":"autostart"}""");

        Assert.Equal(400, status);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"no default services","kind":"no-default-services"}}""", body);
    }

    [Fact]
    public async Task Starting_an_unknown_service_is_400()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var (status, body) = await pebble.PostAsync("/v1/services", """{"action":"start","services":["nope"]}""");

        Assert.Equal(400, status);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"cannot start services: service \"nope\" does not exist"}}""", body);
    }

    [Fact]
    public async Task Injected_error_answers_the_next_request_only()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Server.InjectError("GET", "/v1/services", 500, "boom");

        var first = await pebble.GetAsync("/v1/services");
        var second = await pebble.GetAsync("/v1/services");

        Assert.Equal((500, """{"type":"error","status-code":500,"status":"Internal Server Error","result":{"message":"boom"}}"""), first);
        Assert.Equal((200, """{"type":"sync","status-code":200,"status":"OK","result":[]}"""), second);
    }

    [Fact]
    public async Task Identities_post_has_no_result_key()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var posted = await pebble.PostAsync("/v1/identities", """{"action":"add","identities":{"bob":{"access":"read","local":{"user-id":42}}}}""");
        var listed = await pebble.GetAsync("/v1/identities");

        Assert.Equal((200, """{"type":"sync","status-code":200,"status":"OK"}"""), posted);
        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":{"bob":{"access":"read","local":{"user-id":42}}}}""", listed.Body);
    }

    internal static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, Json.TestJson.Default.String);
}
