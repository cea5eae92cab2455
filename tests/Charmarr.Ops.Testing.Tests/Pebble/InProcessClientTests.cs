using System.Text;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class InProcessClientTests
{
    private static readonly PebbleLayer Layer = new()
    {
        Services = new Dictionary<string, PebbleService>
        {
            ["web"] = new()
            {
                Override = PebbleOverride.Replace,
                Command = "/bin/web",
                Startup = ServiceStartup.Enabled,
                Environment = new Dictionary<string, string> { ["PORT"] = "8080" },
                UserId = 0,
                OnCheckFailure = new Dictionary<string, PebbleServiceAction> { ["up"] = PebbleServiceAction.Restart },
                KillDelay = TimeSpan.FromSeconds(60),
            },
        },
        Checks = new Dictionary<string, PebbleCheck>
        {
            ["up"] = new() { Override = PebbleOverride.Replace, Level = CheckLevel.Ready, Http = new PebbleHttpCheck { Url = "http://localhost:8080/" } },
        },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_layers_produce_the_same_plan_as_yaml_layers()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());

        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);
        var plan = await client.GetPlanAsync(Cancel);

        Assert.Equal("""
            services:
                web:
                    startup: enabled
                    override: replace
                    command: /bin/web
                    environment:
                        PORT: "8080"
                    user-id: 0
                    on-check-failure:
                        up: restart
                    kill-delay: 1m0s
            checks:
                up:
                    override: replace
                    level: ready
                    threshold: 3
                    http:
                        url: http://localhost:8080/

            """, plan.Yaml);
        Assert.Equal(TimeSpan.FromSeconds(60), plan.Services["web"].KillDelay);
        Assert.Equal(3, plan.Checks["up"].Threshold);
    }

    [Fact]
    public async Task Services_replan_and_report_state()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());
        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);

        var changeId = await client.ReplanServicesAsync(cancellationToken: Cancel);
        var services = await client.GetServicesAsync(cancellationToken: Cancel);
        var change = await client.GetChangeAsync(changeId, Cancel);

        Assert.True(services.Single().IsRunning);
        Assert.Equal(ServiceStartup.Enabled, services.Single().Startup);
        Assert.Equal(("replan", "Done", true), (change.Kind, change.Status, change.Ready));
    }

    [Fact]
    public async Task A_failed_start_raises_the_change_error()
    {
        var simulator = new PebbleSimulator();
        var client = new InProcessPebbleClient(simulator);
        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);
        simulator.FailNextStart("web", 1, "crash");

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => client.StartServicesAsync(["web"], cancellationToken: Cancel));

        Assert.Equal("cannot perform the following tasks:\n- Start service \"web\" (service start attempt: exited quickly with code 1, will restart)", error.Err);
    }

    [Fact]
    public async Task Api_errors_keep_status_kind_and_message()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => client.AutostartServicesAsync(cancellationToken: Cancel));

        Assert.Equal((400, "Bad Request", "no-default-services", "no default services"), (error.StatusCode, error.Status, error.Kind, error.ApiMessage));
    }

    [Fact]
    public async Task Files_round_trip_with_path_errors()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());

        await client.PushAsync("/etc/app/app.conf", new MemoryStream("key=value"u8.ToArray()), new PebblePushOptions { MakeDirs = true, Permissions = 0b110_000_000 }, Cancel);
        await using var pulled = await client.PullAsync("/etc/app/app.conf", Cancel);
        var text = await new StreamReader(pulled).ReadToEndAsync(Cancel);
        var listed = await client.ListFilesAsync("/etc/app", cancellationToken: Cancel);
        var missing = await Assert.ThrowsAsync<PebblePathException>(() => client.PullAsync("/nope", Cancel));
        var directory = await Assert.ThrowsAsync<PebblePathException>(() => client.PullAsync("/etc", Cancel));
        var notListed = await Assert.ThrowsAsync<PebbleApiException>(() => client.ListFilesAsync("/nope", cancellationToken: Cancel));

        Assert.Equal("key=value", text);
        Assert.Equal(("app.conf", 0b110_000_000, 9L), (listed.Single().Name, listed.Single().Permissions, listed.Single().Size!.Value));
        Assert.True(missing.IsNotFound);
        Assert.Equal("stat /nope: no such file or directory", missing.PathMessage);
        Assert.Equal(("generic-file-error", "can only read a regular file: \"/etc\""), (directory.Kind, directory.PathMessage));
        Assert.Equal((404, "not-found"), (notListed.StatusCode, notListed.Kind));
    }

    [Fact]
    public async Task Push_owner_lookups_fail_like_pebble()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());

        var error = await Assert.ThrowsAsync<PebblePathException>(() =>
            client.PushAsync("/f", new MemoryStream(), new PebblePushOptions { User = "bob" }, Cancel));

        Assert.Equal(("generic-file-error", "cannot look up user and group: user: unknown user bob"), (error.Kind, error.PathMessage));
    }

    [Fact]
    public async Task Exec_runs_the_handler_with_the_service_context()
    {
        var simulator = new PebbleSimulator();
        var client = new InProcessPebbleClient(simulator);
        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);
        simulator.HandleExec(["env"], async (request, cancel) =>
            ExecResult.FromText(request.Environment["PORT"] == "9090" ? 0 : 1, await request.ReadStdinTextAsync(cancel), "note"));

        await using var process = await client.StartExecAsync(new PebbleExecRequest(["env"])
        {
            ServiceContext = "web",
            Environment = new Dictionary<string, string> { ["PORT"] = "9090" },
        }, Cancel);
        await process.Stdin.WriteAsync(Encoding.UTF8.GetBytes("in"), Cancel);
        await process.CloseStdinAsync(Cancel);
        var result = await process.WaitOutputAsync(cancellationToken: Cancel);

        Assert.Equal(new PebbleExecResult(0, "in", "note"), result);
    }

    [Fact]
    public async Task Exec_non_zero_exit_and_unknown_commands()
    {
        var simulator = new PebbleSimulator();
        var client = new InProcessPebbleClient(simulator);
        simulator.HandleExec(["false"], ExecResult.FromText(1, "", "failed"));

        await using var process = await client.StartExecAsync(new PebbleExecRequest(["false"]) { CombineStderr = true }, Cancel);
        var failed = await Assert.ThrowsAsync<PebbleExecException>(() => process.WaitOutputAsync(cancellationToken: Cancel));
        var unknown = await Assert.ThrowsAsync<PebbleApiException>(() => client.StartExecAsync(new PebbleExecRequest(["nope"]), Cancel));

        Assert.Equal((1, "failed"), (failed.ExitCode, failed.Stdout));
        Assert.Equal((400, "cannot find executable \"nope\""), (unknown.StatusCode, unknown.ApiMessage));
    }

    [Fact]
    public async Task Disconnected_client_raises_connection_errors()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator(), "/charm/containers/plex/pebble.socket") { CanConnect = false };

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => client.GetSystemInfoAsync(Cancel));
        client.CanConnect = true;
        var info = await client.GetSystemInfoAsync(Cancel);

        Assert.Equal("/charm/containers/plex/pebble.socket", error.SocketPath);
        Assert.Equal("v1.32.1", info.Version);
    }

    [Fact]
    public async Task Wait_timeout_is_a_timeout_error()
    {
        var client = new InProcessPebbleClient(new PebbleSimulator());
        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);
        var perform = (await client.GetChecksAsync(cancellationToken: Cancel)).Single().ChangeId!;

        var error = await Assert.ThrowsAsync<PebbleTimeoutException>(() => client.WaitChangeAsync(perform, TimeSpan.FromMilliseconds(20), Cancel));

        Assert.Equal(TimeSpan.FromMilliseconds(20), error.Timeout);
    }

    [Fact]
    public async Task Checks_health_notices_logs_and_identities()
    {
        var simulator = new PebbleSimulator();
        var client = new InProcessPebbleClient(simulator);
        await client.AddLayerAsync("base", Layer, cancellationToken: Cancel);
        simulator.ReportCheckFailure("up");
        simulator.ReportCheckFailure("up");
        simulator.ReportCheckFailure("up");
        simulator.WriteServiceOutput("web", "line 1", "line 2");
        var noticeId = await client.NotifyAsync("example.com/ping", new Dictionary<string, string> { ["n"] = "1" }, cancellationToken: Cancel);
        await client.ReplaceIdentitiesAsync(new Dictionary<string, PebbleIdentity?> { ["ops"] = new("admin", LocalUserId: 0) }, Cancel);

        var check = (await client.GetChecksAsync(CheckLevel.Ready, cancellationToken: Cancel)).Single();
        var healthy = await client.GetHealthAsync(CheckLevel.Ready, cancellationToken: Cancel);
        var notices = await client.GetNoticesAsync(new PebbleNoticesQuery { Types = [NoticeType.Custom] }, Cancel);
        var logs = await client.GetLogsAsync(["web"], 1, Cancel);
        var identities = await client.GetIdentitiesAsync(Cancel);

        Assert.Equal((CheckStatus.Down, 3), (check.Status, check.Failures));
        Assert.False(healthy);
        Assert.Equal(noticeId, notices.Single().Id);
        Assert.Equal("line 2", logs.Single().Message);
        Assert.Equal(new PebbleIdentity("admin", 0), identities["ops"]);
    }

    [Fact]
    public async Task Following_logs_yields_lines_as_they_are_written()
    {
        var simulator = new PebbleSimulator();
        var client = new InProcessPebbleClient(simulator);
        simulator.WriteServiceOutput("web", "old");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var lines = new List<string>();
        var following = Task.Run(async () =>
        {
            await foreach (var entry in client.FollowLogsAsync(["web"], stop.Token))
            {
                lines.Add(entry.Message);
                if (lines.Count == 2)
                {
                    await stop.CancelAsync();
                }
            }
        }, Cancel);
        while (!following.IsCompleted)
        {
            simulator.WriteServiceOutput("web", $"new {lines.Count}");
            await Task.WhenAny(following, Task.Delay(20, Cancel));
        }

        await following;
        Assert.DoesNotContain("old", lines);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void The_factory_gives_each_container_its_own_simulator()
    {
        var factory = new InProcessPebbleClientFactory();

        var plex = factory.Create("plex", "/charm/containers/plex/pebble.socket");
        var again = factory.Create("plex", "/charm/containers/plex/pebble.socket");
        var other = factory.Create("sidecar", "/charm/containers/sidecar/pebble.socket");

        Assert.Same(plex, again);
        Assert.NotSame(factory.Simulator("plex"), factory.Simulator("sidecar"));
        Assert.Equal("/charm/containers/sidecar/pebble.socket", ((InProcessPebbleClient)other).SocketPath);
    }
}
