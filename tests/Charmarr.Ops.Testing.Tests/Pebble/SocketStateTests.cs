using System.Text.RegularExpressions;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class SocketStateTests
{
    private const string Layer = """
        services:
          web: {override: replace, command: /bin/web}
        checks:
          up: {override: replace, level: alive, http: {url: "http://localhost/"}}
        """;

    [Fact]
    public async Task Checks_list_in_wire_order_with_omitempty_failures()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);

        var (_, body) = await pebble.GetAsync("/v1/checks?level=alive");
        var badLevel = await pebble.GetAsync("/v1/checks?level=deep");
        var stopped = await pebble.PostAsync("/v1/checks", """{"action":"stop","checks":["up"]}""");

        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":[]}""", (await pebble.GetAsync("/v1/checks?level=ready")).Body);
        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":[{"name":"up","level":"alive","startup":"enabled","status":"up","successes":0,"threshold":3,"change-id":"1"}]}""", body);
        Assert.Equal((400, """{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"level must be \"alive\" or \"ready\""}}"""), badLevel);
        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":{"changed":["up"]}}""", stopped.Body);
    }

    [Fact]
    public async Task Health_is_502_sync_when_a_check_is_down()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);
        for (var i = 0; i < 3; i++)
        {
            pebble.Simulator.ReportCheckFailure("up");
        }

        var down = await pebble.GetAsync("/v1/health?level=alive");

        Assert.Equal((502, """{"type":"sync","status-code":502,"status":"Bad Gateway","result":{"healthy":false}}"""), down);
    }

    [Fact]
    public async Task Notices_add_get_and_long_poll()
    {
        await using var pebble = await SocketFixture.StartAsync();

        var added = await pebble.PostAsync("/v1/notices", """{"action":"add","type":"custom","key":"example.com/a","repeat-after":"1h","data":{"k":"v"}}""");
        var notice = await pebble.GetAsync("/v1/notices/1");
        var waiting = pebble.GetAsync("/v1/notices?keys=example.com/b&timeout=30s");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        pebble.Simulator.Notify("example.com/b");
        var woken = await waiting;
        var missing = await pebble.GetAsync("/v1/notices/99");
        var badJson = await pebble.PostAsync("/v1/notices", "{");

        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":{"id":"1"}}""", added.Body);
        Assert.Matches(
            "^" + Regex.Escape("""{"type":"sync","status-code":200,"status":"OK","result":{"id":"1","user-id":0,"type":"custom","key":"example.com/a","first-occurred":""")
            + "\"[^\"]+\",\"last-occurred\":\"[^\"]+\",\"last-repeated\":\"[^\"]+\","
            + "\"" + Regex.Escape("""occurrences":1,"last-data":{"k":"v"},"repeat-after":"1h0m0s","expire-after":"168h0m0s"}}""") + "$",
            notice.Body);
        Assert.Contains("\"key\":\"example.com/b\"", woken.Body, StringComparison.Ordinal);
        Assert.Equal((404, """{"type":"error","status-code":404,"status":"Not Found","result":{"message":"cannot find notice with ID \"99\""}}"""), missing);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"cannot decode request body: unexpected EOF"}}""", badJson.Body);
    }

    [Fact]
    public async Task Change_update_notices_are_public()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);

        var (_, body) = await pebble.GetAsync("/v1/notices?types=change-update");

        Assert.Contains("\"user-id\":null,\"type\":\"change-update\",\"key\":\"1\"", body, StringComparison.Ordinal);
        Assert.Contains("\"last-data\":{\"check-name\":\"up\",\"kind\":\"perform-check\"}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_are_ndjson()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.WriteServiceOutput("web", "one", "two");

        using var response = await pebble.Http.GetAsync("/v1/logs?services=web&n=1", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches("""^\{"time":"[^"]+","service":"web","message":"two"\}\n$""", body);
    }

    [Fact]
    public async Task Changes_can_be_listed_and_aborted()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);

        var inProgress = await pebble.GetAsync("/v1/changes");
        var badSelect = await pebble.GetAsync("/v1/changes?select=some");
        var aborted = await pebble.PostAsync("/v1/changes/1", """{"action":"abort"}""");
        var again = await pebble.PostAsync("/v1/changes/1", """{"action":"abort"}""");

        Assert.Contains("\"kind\":\"perform-check\"", inProgress.Body, StringComparison.Ordinal);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"select should be one of: all,in-progress,ready"}}""", badSelect.Body);
        Assert.Equal(200, aborted.Status);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"cannot abort change 1 with nothing pending"}}""", again.Body);
    }

    [Fact]
    public async Task Services_list_and_layer_errors()
    {
        await using var pebble = await SocketFixture.StartAsync();
        pebble.Simulator.AddLayer("base", Layer);

        var services = await pebble.GetAsync("/v1/services?names=web,nope");
        var exists = await pebble.PostAsync("/v1/layers", """{"action":"add","label":"base","format":"yaml","layer":"{}"}""");
        var format = await pebble.PostAsync("/v1/layers", """{"action":"add","label":"x","format":"json","layer":"{}"}""");
        var plan = await pebble.GetAsync("/v1/plan");

        Assert.Equal("""{"type":"sync","status-code":200,"status":"OK","result":[{"name":"web","startup":"disabled","current":"inactive"}]}""", services.Body);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"layer \"base\" already exists"}}""", exists.Body);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"invalid format \"json\""}}""", format.Body);
        Assert.Equal("""{"type":"error","status-code":400,"status":"Bad Request","result":{"message":"invalid format \"\""}}""", plan.Body);
    }
}
