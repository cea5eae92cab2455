using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>
/// What each operation puts on the wire: method, target, headers and body, byte for byte as ops sends them (Python's
/// <c>json.dumps</c> separators and key order, <c>urlencode</c> quoting).
/// </summary>
public sealed class PebbleClientRequestTests : PebbleWireTest
{
    private const string Ok = "true";

    [Fact]
    public async Task System_info_is_a_GET_accepting_JSON_on_localhost()
    {
        Server.Enqueue(Envelopes.Sync("""{"boot-id":"b","version":"v1.32.1"}"""));

        await Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken));

        Assert.Equal("GET", Request.Method);
        Assert.Equal("/v1/system-info", Request.Target);
        Assert.Equal("application/json", Request.Header("Accept"));
        Assert.Equal("localhost", Request.Header("Host"));
        Assert.Null(Request.Header("Content-Type"));
        Assert.Equal(0, Request.BodyLength);
    }

    [Theory]
    [InlineData(new string[0], "/v1/services")]
    [InlineData(new[] { "a", "b" }, "/v1/services?names=a%2Cb")]
    public async Task Services_are_listed_with_names_joined_by_commas(string[] names, string target)
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        await Within(Client.GetServicesAsync(names.Length == 0 ? null : names, TestContext.Current.CancellationToken));

        Assert.Equal(("GET", target), (Request.Method, Request.Target));
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("restart")]
    public async Task A_service_action_posts_the_action_and_names(string action)
    {
        Server.Enqueue(Envelopes.Async("42"));
        var ct = TestContext.Current.CancellationToken;

        var changeId = await Within(action switch
        {
            "start" => Client.StartServicesAsync(["plex", "aux"], TimeSpan.Zero, ct),
            "stop" => Client.StopServicesAsync(["plex", "aux"], TimeSpan.Zero, ct),
            _ => Client.RestartServicesAsync(["plex", "aux"], TimeSpan.Zero, ct),
        });

        Assert.Equal("42", changeId);
        Assert.Equal(("POST", "/v1/services"), (Request.Method, Request.Target));
        Assert.Equal("application/json", Request.Header("Content-Type"));
        Assert.Equal("application/json", Request.Header("Accept"));
        Assert.Equal($$"""{"action": "{{action}}", "services": ["plex", "aux"]}""", Request.BodyText);
    }

    [Fact]
    public async Task Replan_and_autostart_post_an_empty_service_list()
    {
        Server.Enqueue(Envelopes.Async("1"), Envelopes.Async("2"));
        var ct = TestContext.Current.CancellationToken;

        await Within(Client.ReplanServicesAsync(TimeSpan.Zero, ct));
        await Within(Client.AutostartServicesAsync(TimeSpan.Zero, ct));

        Assert.Equal(
            ["""{"action": "replan", "services": []}""", """{"action": "autostart", "services": []}"""],
            Server.Requests.Select(r => r.BodyText));
    }

    [Fact]
    public async Task A_signal_names_the_signal_then_the_services()
    {
        Server.Enqueue(Envelopes.Sync(Ok));

        await Within(Client.SendSignalAsync("SIGHUP", ["plex"], TestContext.Current.CancellationToken));

        Assert.Equal(("POST", "/v1/signals"), (Request.Method, Request.Target));
        Assert.Equal("""{"signal": "SIGHUP", "services": ["plex"]}""", Request.BodyText);
    }

    [Fact]
    public async Task A_layer_is_posted_as_YAML_with_ops_keys_in_ops_order()
    {
        Server.Enqueue(Envelopes.Sync(Ok));
        var layer = new PebbleLayer
        {
            Services = new Dictionary<string, PebbleService> { ["plex"] = new() { Override = PebbleOverride.Replace, Command = "/plex" } },
        };

        await Within(Client.AddLayerAsync("plex", layer, combine: true, TestContext.Current.CancellationToken));

        Assert.Equal(("POST", "/v1/layers"), (Request.Method, Request.Target));
        Assert.Equal(
            """{"action": "add", "combine": true, "label": "plex", "format": "yaml", "layer": "services:\n  plex:\n    override: replace\n    command: /plex\n"}""",
            Request.BodyText);
    }

    [Fact]
    public async Task Non_ASCII_text_is_escaped_as_json_dumps_does()
    {
        Server.Enqueue(Envelopes.Sync(Ok));

        await Within(Client.AddLayerAsync("pl\u00ebx-\U0001F600\u007f\t\"\\", new PebbleLayer(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("""
            "label": "pl\u00ebx-\ud83d\ude00\u007f\t\"\\"
            """, Request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_is_asked_for_as_YAML()
    {
        Server.Enqueue(Envelopes.Sync("\"{}\\n\""));

        await Within(Client.GetPlanAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("GET", "/v1/plan?format=yaml"), (Request.Method, Request.Target));
    }

    [Fact]
    public async Task Checks_are_filtered_by_level_and_repeated_names()
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        await Within(Client.GetChecksAsync(CheckLevel.Ready, ["up", "port"], TestContext.Current.CancellationToken));

        Assert.Equal("/v1/checks?level=ready&names=up&names=port", Request.Target);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    public async Task A_check_action_posts_the_action_and_checks(string action)
    {
        Server.Enqueue(Envelopes.Sync("""{"changed":["up"]}"""));
        var ct = TestContext.Current.CancellationToken;

        var changed = await Within(action == "start" ? Client.StartChecksAsync(["up", "port"], ct) : Client.StopChecksAsync(["up", "port"], ct));

        Assert.Equal(["up"], changed);
        Assert.Equal(("POST", "/v1/checks"), (Request.Method, Request.Target));
        Assert.Equal($$"""{"action": "{{action}}", "checks": ["up", "port"]}""", Request.BodyText);
    }

    [Fact]
    public async Task Health_takes_a_level_and_comma_joined_names()
    {
        Server.Enqueue(Envelopes.Sync("""{"healthy":true}"""));

        Assert.True(await Within(Client.GetHealthAsync(CheckLevel.Alive, ["up", "port"], TestContext.Current.CancellationToken)));

        Assert.Equal("/v1/health?level=alive&names=up%2Cport", Request.Target);
    }

    [Fact]
    public async Task Listing_files_quotes_the_path_and_pattern_like_urlencode()
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        await Within(Client.ListFilesAsync("/config/My Library", "*.xml", itself: true, TestContext.Current.CancellationToken));

        Assert.Equal("/v1/files?action=list&path=%2Fconfig%2FMy+Library&pattern=%2A.xml&itself=true", Request.Target);
    }

    [Fact]
    public async Task Making_a_directory_sends_ownership_then_path_then_make_parents()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/config/a"}]"""));
        var options = new PebbleMakeDirOptions { MakeParents = true, Permissions = 0b111_101_000, UserId = 1000, User = "plex", GroupId = 1001, Group = "media" };

        await Within(Client.MakeDirAsync("/config/a", options, TestContext.Current.CancellationToken));

        Assert.Equal(("POST", "/v1/files"), (Request.Method, Request.Target));
        Assert.Equal(
            """{"action": "make-dirs", "dirs": [{"permissions": "750", "user-id": 1000, "user": "plex", "group-id": 1001, "group": "media", "path": "/config/a", "make-parents": true}]}""",
            Request.BodyText);
    }

    [Fact]
    public async Task A_plain_make_dir_sends_only_the_path()
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/d"}]"""));

        await Within(Client.MakeDirAsync("/d", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("""{"action": "make-dirs", "dirs": [{"path": "/d"}]}""", Request.BodyText);
    }

    [Theory]
    [InlineData(false, """{"action": "remove", "paths": [{"path": "/d"}]}""")]
    [InlineData(true, """{"action": "remove", "paths": [{"path": "/d", "recursive": true}]}""")]
    public async Task Removing_sends_recursive_only_when_asked(bool recursive, string body)
    {
        Server.Enqueue(Envelopes.Sync("""[{"path":"/d"}]"""));

        await Within(Client.RemovePathAsync("/d", recursive, TestContext.Current.CancellationToken));

        Assert.Equal(body, Request.BodyText);
    }

    [Theory]
    [InlineData(ChangeSelect.InProgress, null, "/v1/changes?select=in-progress")]
    [InlineData(ChangeSelect.Ready, null, "/v1/changes?select=ready")]
    [InlineData(ChangeSelect.All, "plex", "/v1/changes?select=all&for=plex")]
    public async Task Changes_are_selected_and_filtered_by_service(ChangeSelect select, string? service, string target)
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        await Within(Client.GetChangesAsync(select, service, TestContext.Current.CancellationToken));

        Assert.Equal(target, Request.Target);
    }

    [Fact]
    public async Task A_change_is_got_and_aborted_by_id()
    {
        Server.Enqueue(Envelopes.Sync(Envelopes.Change("7")), Envelopes.Sync(Envelopes.Change("7")));
        var ct = TestContext.Current.CancellationToken;

        await Within(Client.GetChangeAsync("7", ct));
        await Within(Client.AbortChangeAsync("7", ct));

        Assert.Equal(("GET", "/v1/changes/7"), (Server.Requests[0].Method, Server.Requests[0].Target));
        Assert.Equal(("POST", "/v1/changes/7"), (Server.Requests[1].Method, Server.Requests[1].Target));
        Assert.Equal("""{"action": "abort"}""", Server.Requests[1].BodyText);
    }

    [Fact]
    public async Task Waiting_for_a_change_asks_for_one_second_less_than_the_client_timeout()
    {
        Server.Enqueue(Envelopes.Sync(Envelopes.Change("7")));

        await Within(Client.WaitChangeAsync("7", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("/v1/changes/7/wait?timeout=4.000s", Request.Target);
    }

    [Fact]
    public async Task Notices_are_filtered_by_every_query_field()
    {
        Server.Enqueue(Envelopes.Sync("[]"));
        var query = new PebbleNoticesQuery
        {
            AllUsers = true,
            Types = [NoticeType.Custom, NoticeType.ChangeUpdate],
            Keys = ["example.com/a", "example.com/b"],
            After = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 120, TimeSpan.FromHours(1)),
            Timeout = TimeSpan.FromSeconds(2),
        };

        await Within(Client.GetNoticesAsync(query, TestContext.Current.CancellationToken));

        Assert.Equal(
            "/v1/notices?users=all&types=custom&types=change-update&keys=example.com%2Fa&keys=example.com%2Fb&after=2024-01-02T02%3A04%3A05.12Z&timeout=2.000s",
            Request.Target);
    }

    [Fact]
    public async Task Notices_of_one_user_are_asked_for_by_user_id()
    {
        Server.Enqueue(Envelopes.Sync("[]"));

        await Within(Client.GetNoticesAsync(new PebbleNoticesQuery { UserId = 1000 }, TestContext.Current.CancellationToken));

        Assert.Equal("/v1/notices?user-id=1000", Request.Target);
    }

    [Fact]
    public async Task A_notice_is_got_by_id()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Notice));

        await Within(Client.GetNoticeAsync("3", TestContext.Current.CancellationToken));

        Assert.Equal(("GET", "/v1/notices/3"), (Request.Method, Request.Target));
    }

    [Fact]
    public async Task Notify_posts_a_custom_notice_with_data_and_repeat_after()
    {
        Server.Enqueue(Envelopes.Sync("""{"id":"5"}"""));

        var id = await Within(Client.NotifyAsync("example.com/backup", new Dictionary<string, string> { ["path"] = "/tmp/b" }, TimeSpan.FromHours(1), TestContext.Current.CancellationToken));

        Assert.Equal("5", id);
        Assert.Equal(("POST", "/v1/notices"), (Request.Method, Request.Target));
        Assert.Equal("""{"action": "add", "type": "custom", "key": "example.com/backup", "data": {"path": "/tmp/b"}, "repeat-after": "3600.000s"}""", Request.BodyText);
    }

    [Fact]
    public async Task Logs_are_asked_for_by_services_and_count()
    {
        Server.Enqueue(new BodyReply(200, "", "application/x-ndjson"));

        await Within(Client.GetLogsAsync(["plex", "aux"], 10, TestContext.Current.CancellationToken));

        Assert.Equal(("GET", "/v1/logs?services=plex%2Caux&n=10"), (Request.Method, Request.Target));
    }

    [Fact]
    public async Task Identities_are_replaced_and_removed_with_null_for_deletion()
    {
        Server.Enqueue(new BodyReply(200, """{"type":"sync","status-code":200,"status":"OK"}"""), new BodyReply(200, """{"type":"sync","status-code":200,"status":"OK"}"""));
        var ct = TestContext.Current.CancellationToken;

        await Within(Client.ReplaceIdentitiesAsync(
            new Dictionary<string, PebbleIdentity?>
            {
                ["bob"] = new("admin", LocalUserId: 1000),
                ["web"] = new("metrics", BasicPassword: "$6$hash"),
                ["old"] = null,
            },
            ct));
        await Within(Client.RemoveIdentitiesAsync(["bob"], ct));

        Assert.All(Server.Requests, r => Assert.Equal(("POST", "/v1/identities"), (r.Method, r.Target)));
        Assert.Equal(
            """{"action": "replace", "identities": {"bob": {"access": "admin", "local": {"user-id": 1000}}, "web": {"access": "metrics", "basic": {"password": "$6$hash"}}, "old": null}}""",
            Server.Requests[0].BodyText);
        Assert.Equal("""{"action": "remove", "identities": {"bob": null}}""", Server.Requests[1].BodyText);
    }

    [Fact]
    public async Task Identities_are_listed_with_a_GET()
    {
        Server.Enqueue(Envelopes.Sync("{}"));

        await Within(Client.GetIdentitiesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("GET", "/v1/identities"), (Request.Method, Request.Target));
    }
}
