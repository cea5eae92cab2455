using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>How each result becomes the model records (reference §4): optional keys, unknown words, times, data.</summary>
public sealed class PebbleClientResponseTests : PebbleWireTest
{
    [Fact]
    public async Task System_info_reads_version_boot_id_and_http_address()
    {
        Server.Enqueue(Envelopes.Sync("""{"boot-id":"b-1","http-address":":38813","version":"v1.32.1"}"""));

        var info = await Within(Client.GetSystemInfoAsync(TestContext.Current.CancellationToken));

        Assert.Equal(new PebbleSystemInfo("v1.32.1", "b-1", ":38813"), info);
    }

    [Fact]
    public async Task Services_keep_unknown_states_and_read_current_since()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Services));

        var services = await Within(Client.GetServicesAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ServiceStatus.Backoff, services[0].Current);
        Assert.Equal(ServiceStartup.Disabled, services[0].Startup);
        Assert.Null(services[0].CurrentSince);
        Assert.True(services[1].IsRunning);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234568), services[1].CurrentSince);
        Assert.Equal("starting-soon", services[2].Current.Value);
    }

    [Fact]
    public async Task A_change_reads_tasks_logs_progress_times_err_and_data()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Change));

        var change = await Within(Client.GetChangeAsync("70", TestContext.Current.CancellationToken));

        Assert.Equal(("70", "autostart", "Error", true), (change.Id, change.Kind, change.Status, change.Ready));
        Assert.StartsWith("cannot perform the following tasks:\n- Start service", change.Err, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2021, 2, 25, 2, 59, 59, TimeSpan.FromHours(13)).AddTicks(1234568), change.SpawnTime);
        Assert.Equal(new DateTimeOffset(2021, 2, 25, 3, 0, 0, TimeSpan.Zero), change.ReadyTime);
        Assert.Equal("[\"svc\"]", change.Data["service-names"]);
        var task = Assert.Single(change.Tasks);
        Assert.Equal(("78", "start", "Start service \"svc\""), (task.Id, task.Kind, task.Summary));
        Assert.Equal(["2021-02-25T03:00:00.5Z ERROR cannot start service: exited quickly with code 1"], task.Log);
        Assert.Equal(new PebbleTaskProgress("", 1, 1), task.Progress);
        Assert.Equal("3", task.Data["exit-code"]);
        Assert.Equal("""{"a":[1,2]}""", task.Data["nested"]);
    }

    [Fact]
    public async Task A_change_without_tasks_err_ready_time_or_data_reads_as_empty()
    {
        Server.Enqueue(Envelopes.Sync("""{"id":"1","kind":"replan","summary":"Replan - no services","status":"Hold","ready":true,"spawn-time":"2024-01-02T03:04:05Z"}"""));

        var change = await Within(Client.GetChangeAsync("1", TestContext.Current.CancellationToken));

        Assert.Empty(change.Tasks);
        Assert.Null(change.Err);
        Assert.Null(change.ReadyTime);
        Assert.Empty(change.Data);
    }

    [Fact]
    public async Task Checks_default_startup_to_enabled_failures_to_zero_and_successes_to_unknown()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Checks));

        var checks = await Within(Client.GetChecksAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(new PebbleCheckInfo("chk1", CheckLevel.Unset, CheckStartup.Enabled, CheckStatus.Up, 0, 3, 4, "1"), checks[0]);
        Assert.Equal(new PebbleCheckInfo("chk2", CheckLevel.Alive, CheckStartup.Disabled, CheckStatus.Inactive, 5, 3), checks[1]);
        Assert.Equal(new PebbleCheckInfo("old", CheckLevel.Ready, CheckStartup.Enabled, CheckStatus.Down, 3, 1), checks[2]);
    }

    [Fact]
    public async Task Files_read_octal_permissions_optional_size_and_ids()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Files));

        var files = await Within(Client.ListFilesAsync("/etc", cancellationToken: TestContext.Current.CancellationToken));

        var hosts = files[0];
        Assert.Equal(("/etc/hosts", "hosts", PebbleFileType.File, 123L), (hosts.Path, hosts.Name, hosts.Type, hosts.Size));
        Assert.Equal(420, hosts.Permissions);
        Assert.Equal(new DateTimeOffset(2021, 1, 28, 14, 37, 4, TimeSpan.Zero), hosts.LastModified);
        Assert.Equal((0L, "root", 0L, "root"), (hosts.UserId, hosts.User, hosts.GroupId, hosts.Group));
        var nginx = files[1];
        Assert.True(nginx.IsDirectory);
        Assert.Null(nginx.Size);
        Assert.Equal((1000L, "", (long?)null), (nginx.UserId, nginx.User, nginx.GroupId));
        Assert.Equal(("whiteout", 2541), (files[2].Type.Value, files[2].Permissions));
    }

    [Fact]
    public async Task Notices_read_times_data_and_Go_durations()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Notices));

        var notices = await Within(Client.GetNoticesAsync(cancellationToken: TestContext.Current.CancellationToken));

        var custom = notices[0];
        Assert.Equal(("3", 1000L, NoticeType.Custom, "example.com/a", 7), (custom.Id, custom.UserId, custom.Type, custom.Key, custom.Occurrences));
        Assert.Equal(new DateTimeOffset(2023, 12, 7, 17, 1, 4, TimeSpan.Zero).AddTicks(1234568), custom.LastRepeated);
        Assert.Equal(new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "v2" }, custom.LastData);
        Assert.Equal(TimeSpan.FromHours(1), custom.RepeatAfter);
        Assert.Equal(TimeSpan.FromDays(7), custom.ExpireAfter);
        var warning = notices[1];
        Assert.Equal((null, NoticeType.Warning), (warning.UserId, warning.Type));
        Assert.Empty(warning.LastData);
        Assert.Null(warning.RepeatAfter);
    }

    [Fact]
    public async Task Identities_read_local_and_basic_and_drop_certificates()
    {
        Server.Enqueue(Envelopes.Sync(ResponseFixtures.Identities));

        var identities = await Within(Client.GetIdentitiesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(new PebbleIdentity("admin", 1000), identities["bob"]);
        Assert.Equal(new PebbleIdentity("metrics", BasicPassword: "*****"), identities["web"]);
        Assert.Equal(new PebbleIdentity("read"), identities["tls"]);
    }

    [Fact]
    public async Task Logs_are_read_line_by_line_from_ndjson()
    {
        Server.Enqueue(new BodyReply(200, ResponseFixtures.Logs, "application/x-ndjson"));

        var logs = await Within(Client.GetLogsAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, logs.Count);
        Assert.Equal(new PebbleLogEntry(new DateTimeOffset(2023, 3, 8, 9, 55, 11, TimeSpan.Zero).AddTicks(1234568), "plex", "Starting Plex"), logs[0]);
        Assert.Equal("{\"json\": true}", logs[1].Message);
    }

    [Fact]
    public async Task Following_logs_yields_lines_as_they_arrive_and_ends_quietly_when_cancelled()
    {
        var secondLineSent = new TaskCompletionSource();
        var releaseServer = new TaskCompletionSource();
        Server.Enqueue(new StreamingReply(200, "application/x-ndjson", async write =>
        {
            await write("{\"time\":\"2023-03-08T09:55:11Z\",\"service\":\"plex\",\"message\":\"one\"}\n"u8.ToArray());
            await write("{\"time\":\"2023-03-08T09:55:12Z\",\"service\":\"plex\",\"message\":\"two\"}\n"u8.ToArray());
            secondLineSent.SetResult();
            await releaseServer.Task;
        }));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var messages = new List<string>();

        await Within(Task.Run(async () =>
        {
            await foreach (var entry in Client.FollowLogsAsync(["plex"], stop.Token))
            {
                messages.Add(entry.Message);
                if (messages.Count == 2)
                {
                    await stop.CancelAsync();
                }
            }
        }, TestContext.Current.CancellationToken));
        releaseServer.SetResult();

        Assert.Equal(["one", "two"], messages);
        Assert.Equal("/v1/logs?services=plex&follow=true", Request.Target);
    }

    [Fact]
    public async Task The_plan_result_is_YAML_text_parsed_into_the_plan()
    {
        Server.Enqueue(Envelopes.Sync(Envelopes.Json("services:\n    plex:\n        override: replace\n        command: /plex\n")));

        var plan = await Within(Client.GetPlanAsync(TestContext.Current.CancellationToken));

        Assert.Equal("/plex", plan.Services["plex"].Command);
        Assert.Equal("services:\n    plex:\n        override: replace\n        command: /plex\n", plan.Yaml);
    }

    [Fact]
    public async Task A_failing_health_answer_502_with_a_sync_envelope_is_a_result()
    {
        Server.Enqueue(Envelopes.Sync("""{"healthy":false}""", 502));

        Assert.False(await Within(Client.GetHealthAsync(cancellationToken: TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_null_changed_list_from_an_older_Pebble_reads_as_empty()
    {
        Server.Enqueue(Envelopes.Sync("""{"changed":null}"""));

        Assert.Empty(await Within(Client.StartChecksAsync(["up"], TestContext.Current.CancellationToken)));
    }
}
