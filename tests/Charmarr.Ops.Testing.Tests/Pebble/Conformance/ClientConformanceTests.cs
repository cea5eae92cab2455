using System.Security.Cryptography;
using System.Text;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;
using Charmarr.Ops.Tests.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// The real <see cref="PebbleClient"/> against the simulator's socket face: every operation and error path over the
/// wire, so the client and the simulator agree with each other as both agree with Pebble v1.32.
/// </summary>
public sealed class ClientConformanceTests : IAsyncDisposable
{
    private const string Layer = """
        services:
          plex:
            override: replace
            command: /usr/bin/plex --serve
            startup: enabled
          aux:
            override: replace
            command: /usr/bin/aux
        checks:
          up:
            override: replace
            level: alive
            exec:
              command: /bin/true
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("pbc").FullName;
    private PebbleSocketServer? server;
    private PebbleClient? client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PebbleSocketServer Server => server ?? throw new InvalidOperationException("call StartAsync");

    private PebbleClient Client => client ?? throw new InvalidOperationException("call StartAsync");

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task System_info_reports_the_simulated_version()
    {
        await StartAsync();

        var info = await Client.GetSystemInfoAsync(Ct);

        Assert.Equal(Server.Simulator.Version, info.Version);
        Assert.True(await Client.CanConnectAsync(Ct));
    }

    [Fact]
    public async Task A_layer_added_comes_back_in_the_plan_as_the_same_typed_service()
    {
        await StartAsync();
        var layer = PebbleLayer.Parse(Layer);

        await Client.AddLayerAsync("plex", layer, cancellationToken: Ct);
        var plan = await Client.GetPlanAsync(Ct);

        Assert.Equal(layer.Services["plex"], plan.Services["plex"]);
        Assert.Equal(layer.Services["aux"], plan.Services["aux"]);
        Assert.Equal(CheckLevel.Alive, plan.Checks["up"].Level);
        Assert.Equal(Server.Simulator.PlanYaml, plan.Yaml);
    }

    [Fact]
    public async Task Adding_an_existing_label_without_combine_is_an_API_error()
    {
        await StartAsync();
        await Client.AddLayerAsync("plex", PebbleLayer.Parse(Layer), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.AddLayerAsync("plex", PebbleLayer.Parse(Layer), cancellationToken: Ct));

        Assert.Equal((400, "layer \"plex\" already exists"), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task Replan_starts_enabled_services_and_start_stop_change_their_state()
    {
        await StartAsync();
        await Client.AddLayerAsync("plex", PebbleLayer.Parse(Layer), cancellationToken: Ct);

        await Client.ReplanServicesAsync(cancellationToken: Ct);
        Assert.Equal([ServiceStatus.Inactive, ServiceStatus.Active], (await Client.GetServicesAsync(cancellationToken: Ct)).Select(s => s.Current));

        await Client.StartServicesAsync(["aux"], cancellationToken: Ct);
        await Client.StopServicesAsync(["plex"], cancellationToken: Ct);
        var services = await Client.GetServicesAsync(["aux", "plex"], Ct);

        Assert.Equal([("aux", true), ("plex", false)], services.Select(s => (s.Name, s.IsRunning)));
    }

    [Fact]
    public async Task EnsureLayer_replans_once_and_then_leaves_running_services_alone()
    {
        await StartAsync();
        var layer = PebbleLayer.Parse(Layer);

        Assert.True(await Client.EnsureLayerAsync("plex", layer, Ct));
        Assert.False(await Client.EnsureLayerAsync("plex", layer, Ct));
        Assert.True((await Client.GetServiceAsync("plex", Ct))!.IsRunning);
    }

    [Fact]
    public async Task Restart_waits_for_its_change()
    {
        await StartAsync();
        await Client.EnsureLayerAsync("plex", PebbleLayer.Parse(Layer), Ct);

        var changeId = await Client.RestartServicesAsync(["plex"], cancellationToken: Ct);
        var change = await Client.GetChangeAsync(changeId, Ct);

        Assert.Equal(("restart", true, "Done"), (change.Kind, change.Ready, change.Status));
    }

    [Fact]
    public async Task Starting_an_unknown_service_is_an_API_error_400()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.StartServicesAsync(["nope"], cancellationToken: Ct));

        Assert.Equal((400, "cannot start services: service \"nope\" does not exist"), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task Autostart_with_nothing_enabled_is_the_no_default_services_error()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.AutostartServicesAsync(cancellationToken: Ct));

        Assert.Equal((400, PebbleErrorKinds.NoDefaultServices), (error.StatusCode, error.Kind));
    }

    [Fact]
    public async Task A_service_that_fails_to_start_is_a_change_error_with_its_log()
    {
        await StartAsync();
        await Client.AddLayerAsync("plex", PebbleLayer.Parse(Layer), cancellationToken: Ct);
        Server.Simulator.FailNextStart("aux", 1, "aux: bad config");

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => Client.StartServicesAsync(["aux"], cancellationToken: Ct));

        Assert.StartsWith("cannot perform the following tasks:\n- Start service \"aux\"", error.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_server_error_is_an_API_error_500()
    {
        await StartAsync();
        Server.InjectError("GET", "/v1/services", 500, "boom");

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.GetServicesAsync(cancellationToken: Ct));

        Assert.Equal((500, "Internal Server Error", "boom"), (error.StatusCode, error.Status, error.ApiMessage));
    }

    [Fact]
    public async Task Text_pushed_with_owner_and_mode_pulls_back_and_lists_with_them()
    {
        await StartAsync();
        Server.Simulator.AddUser("plex", 1000, 1000);
        var options = new PebblePushOptions { MakeDirs = true, Permissions = 0b110_000_000, UserId = 1000, GroupId = 1000 };

        await Client.PushTextAsync("/config/Library/Preferences.xml", "<Preferences/>", options, Ct);

        Assert.Equal("<Preferences/>", await Client.PullTextAsync("/config/Library/Preferences.xml", Ct));
        var info = Assert.Single(await Client.ListFilesAsync("/config/Library", "*.xml", cancellationToken: Ct));
        Assert.Equal(("Preferences.xml", 14L, 0b110_000_000, 1000L, "plex"), (info.Name, info.Size, info.Permissions, info.UserId, info.User));
        Assert.True(await Client.IsDirectoryAsync("/config/Library", Ct));
        Assert.False(await Client.ExistsAsync("/config/none", Ct));
    }

    [Fact]
    public async Task Pulling_a_missing_file_is_a_not_found_path_error()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PullAsync("/nope", Ct));

        Assert.Equal((PebbleErrorKinds.NotFound, "stat /nope: no such file or directory"), (error.Kind, error.PathMessage));
    }

    [Fact]
    public async Task Pulling_a_directory_is_a_generic_file_error()
    {
        await StartAsync();
        Server.Simulator.MakeDirectory("/config");

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PullAsync("/config", Ct));

        Assert.Equal((PebbleErrorKinds.GenericFileError, "can only read a regular file: \"/config\""), (error.Kind, error.PathMessage));
    }

    [Fact]
    public async Task Pulling_an_unreadable_file_is_a_permission_denied_path_error()
    {
        await StartAsync();
        Server.Simulator.WriteFile("/secret", "x");
        Server.Simulator.DenyRead("/secret");

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PullAsync("/secret", Ct));

        Assert.True(error.IsPermissionDenied);
    }

    [Fact]
    public async Task Pushing_into_an_unwritable_place_is_a_permission_denied_path_error()
    {
        await StartAsync();
        Server.Simulator.MakeDirectory("/ro");
        Server.Simulator.DenyWrite("/ro");

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PushTextAsync("/ro/f", "x", cancellationToken: Ct));

        Assert.True(error.IsPermissionDenied);
    }

    [Fact]
    public async Task Pushing_without_make_dirs_into_a_missing_directory_is_a_not_found_path_error()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebblePathException>(() => Client.PushTextAsync("/missing/f", "x", cancellationToken: Ct));

        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Listing_a_missing_path_is_an_API_error_404_not_found()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.ListFilesAsync("/nope", cancellationToken: Ct));

        Assert.Equal((404, PebbleErrorKinds.NotFound), (error.StatusCode, error.Kind));
    }

    [Fact]
    public async Task Make_dir_and_remove_report_per_path_errors()
    {
        await StartAsync();
        await Client.MakeDirAsync("/d/e", new PebbleMakeDirOptions { MakeParents = true }, Ct);

        var exists = await Assert.ThrowsAsync<PebblePathException>(() => Client.MakeDirAsync("/d/e", cancellationToken: Ct));
        var notEmpty = await Assert.ThrowsAsync<PebblePathException>(() => Client.RemovePathAsync("/d", cancellationToken: Ct));
        await Client.RemovePathAsync("/d", recursive: true, Ct);

        Assert.Equal("mkdir /d/e: file exists", exists.PathMessage);
        Assert.Equal("remove /d: directory not empty", notEmpty.PathMessage);
        Assert.False(Server.Simulator.PathExists("/d"));
    }

    [Fact]
    public async Task Exec_passes_stdin_and_returns_stdout_stderr_and_exit_code()
    {
        await StartAsync();
        Server.Simulator.HandleExec(["tr"], async (request, cancel) =>
            ExecResult.FromText(0, (await request.ReadStdinTextAsync(cancel)).ToUpperInvariant(), "done\n"));

        var result = await Client.ExecAsync(new PebbleExecRequest(["tr", "a-z", "A-Z"]), stdin: "hello", cancellationToken: Ct);

        Assert.Equal(new PebbleExecResult(0, "HELLO", "done\n"), result);
    }

    [Fact]
    public async Task Exec_with_combined_stderr_reads_both_on_stdout()
    {
        await StartAsync();
        Server.Simulator.HandleExec(["sh"], ExecResult.FromText(0, "out ", "err"));

        var result = await Client.ExecAsync(new PebbleExecRequest(["sh", "-c", "x"]) { CombineStderr = true }, cancellationToken: Ct);

        Assert.Equal(new PebbleExecResult(0, "out err", null), result);
    }

    [Fact]
    public async Task Exec_exiting_non_zero_is_an_exec_error_with_the_output()
    {
        await StartAsync();
        Server.Simulator.HandleExec(["ls"], ExecResult.FromText(2, "", "ls: cannot access 'x'\n"));

        var error = await Assert.ThrowsAsync<PebbleExecException>(() => Client.ExecAsync(new PebbleExecRequest(["ls", "x"]), cancellationToken: Ct));

        Assert.Equal((2, "ls: cannot access 'x'\n"), (error.ExitCode, error.Stderr));
    }

    [Fact]
    public async Task Exec_of_an_unknown_executable_is_an_API_error()
    {
        await StartAsync();

        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.StartExecAsync(new PebbleExecRequest(["nope"]), Ct));

        Assert.Equal((400, "cannot find executable \"nope\""), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task Exec_killed_by_its_timeout_is_a_change_error()
    {
        await StartAsync();
        Server.Simulator.HandleExec(["sleep"], async (_, cancel) =>
        {
            await Task.Delay(Timeout.Infinite, cancel);
            return ExecResult.FromText(0);
        });

        var error = await Assert.ThrowsAsync<PebbleChangeException>(() => Client.ExecAsync(new PebbleExecRequest(["sleep", "60"]) { Timeout = TimeSpan.FromMilliseconds(200) }, cancellationToken: Ct));

        Assert.Contains("timed out", error.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_ends_a_running_command()
    {
        await StartAsync();
        var started = new TaskCompletionSource();
        Server.Simulator.HandleExec(["sleep"], async (_, cancel) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }

            return ExecResult.FromText(143);
        });

        var process = await Client.StartExecAsync(new PebbleExecRequest(["sleep", "60"]), Ct);
        await using (process)
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            await process.SendSignalAsync("SIGTERM", Ct);
            await process.CloseStdinAsync(Ct);

            Assert.Equal(143, await process.WaitForExitAsync(Ct));
        }
    }

    [Fact]
    public async Task Waiting_past_the_deadline_for_a_change_is_a_timeout_error()
    {
        await StartAsync();
        Server.Simulator.HandleExec(["sleep"], async (_, cancel) =>
        {
            await Task.Delay(Timeout.Infinite, cancel);
            return ExecResult.FromText(0);
        });
        var process = await Client.StartExecAsync(new PebbleExecRequest(["sleep", "60"]), Ct);
        await using (process)
        {
            var error = await Assert.ThrowsAsync<PebbleTimeoutException>(() => Client.WaitChangeAsync(process.ChangeId, TimeSpan.FromMilliseconds(300), Ct));

            Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        }
    }

    [Fact]
    public async Task Changes_are_listed_got_and_aborted()
    {
        await StartAsync();
        await Client.EnsureLayerAsync("plex", PebbleLayer.Parse(Layer), Ct);

        var changes = await Client.GetChangesAsync(ChangeSelect.All, "plex", Ct);

        Assert.Contains(changes, c => c.Kind == "replan");
        var ready = Assert.Single(changes, c => c.Kind == "replan");
        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.AbortChangeAsync(ready.Id, Ct));
        Assert.Equal($"cannot abort change {ready.Id} with nothing pending", error.ApiMessage);
        var missing = await Assert.ThrowsAsync<PebbleApiException>(() => Client.GetChangeAsync("999", Ct));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Checks_are_listed_started_and_stopped()
    {
        await StartAsync();
        await Client.AddLayerAsync("plex", PebbleLayer.Parse(Layer), cancellationToken: Ct);

        var up = await Client.GetCheckAsync("up", Ct);
        var stopped = await Client.StopChecksAsync(["up"], Ct);
        var after = await Client.GetCheckAsync("up", Ct);

        Assert.Equal((CheckLevel.Alive, CheckStatus.Up), (up!.Level, up.Status));
        Assert.Equal(["up"], stopped);
        Assert.Equal(CheckStatus.Inactive, after!.Status);
        Assert.Equal(["up"], await Client.StartChecksAsync(["up"], Ct));
        Assert.True(await Client.GetHealthAsync(CheckLevel.Alive, cancellationToken: Ct));
    }

    [Fact]
    public async Task Notices_are_recorded_and_read_back()
    {
        await StartAsync();

        var id = await Client.NotifyAsync("example.com/backup", new Dictionary<string, string> { ["path"] = "/b" }, cancellationToken: Ct);
        var notice = await Client.GetNoticeAsync(id, Ct);
        var custom = await Client.GetNoticesAsync(new PebbleNoticesQuery { Types = [NoticeType.Custom] }, Ct);

        Assert.Equal(("example.com/backup", NoticeType.Custom, "/b"), (notice.Key, notice.Type, notice.LastData["path"]));
        Assert.Equal(id, Assert.Single(custom).Id);
        var bad = await Assert.ThrowsAsync<PebbleApiException>(() => Client.NotifyAsync("nodomain", cancellationToken: Ct));
        Assert.Equal(400, bad.StatusCode);
    }

    [Fact]
    public async Task Signals_reach_running_services_and_fail_for_stopped_ones()
    {
        await StartAsync();
        await Client.EnsureLayerAsync("plex", PebbleLayer.Parse(Layer), Ct);

        await Client.SendSignalAsync("SIGHUP", ["plex"], Ct);
        var error = await Assert.ThrowsAsync<PebbleApiException>(() => Client.SendSignalAsync("SIGHUP", ["aux"], Ct));

        Assert.Contains(("plex", "SIGHUP"), Server.Simulator.SentSignals);
        Assert.Equal((500, "cannot send signal to \"aux\": service is not running"), (error.StatusCode, error.ApiMessage));
    }

    [Fact]
    public async Task Logs_are_read_from_service_output()
    {
        await StartAsync();
        await Client.EnsureLayerAsync("plex", PebbleLayer.Parse(Layer), Ct);
        Server.Simulator.WriteServiceOutput("plex", "one", "two");

        var logs = await Client.GetLogsAsync(["plex"], cancellationToken: Ct);

        Assert.Equal(["one", "two"], logs.Select(l => l.Message).TakeLast(2));
    }

    [Fact]
    public async Task Identities_are_replaced_listed_and_removed()
    {
        await StartAsync();

        await Client.ReplaceIdentitiesAsync(new Dictionary<string, PebbleIdentity?> { ["bob"] = new("read", LocalUserId: 1000) }, Ct);
        var listed = await Client.GetIdentitiesAsync(Ct);
        await Client.RemoveIdentitiesAsync(["bob"], Ct);

        Assert.Equal(new PebbleIdentity("read", 1000), listed["bob"]);
        Assert.Empty(await Client.GetIdentitiesAsync(Ct));
    }

    [Fact]
    public async Task A_socket_that_is_gone_is_a_connection_error()
    {
        await StartAsync();
        await Server.DisposeAsync();
        server = null;

        var error = await Assert.ThrowsAsync<PebbleConnectionException>(() => Client.GetSystemInfoAsync(Ct));

        Assert.Contains("socket not found", error.Message, StringComparison.Ordinal);
        Assert.False(await Client.CanConnectAsync(Ct));
    }

    [Fact]
    public async Task A_pull_cut_mid_transfer_is_a_connection_error()
    {
        await StartAsync();
        Server.Simulator.WriteFile("/big", new byte[1024 * 1024]);
        Server.CloseConnectionMidTransfer("GET", "/v1/files", afterResponseBytes: 64 * 1024);

        var error = await Assert.ThrowsAnyAsync<PebbleException>(async () =>
        {
            var stream = await Client.PullAsync("/big", Ct);
            await using (stream)
            {
                await stream.CopyToAsync(Stream.Null, Ct);
            }
        });

        Assert.IsType<PebbleConnectionException>(error);
    }

    [Fact]
    public async Task A_push_cut_mid_upload_is_a_connection_error()
    {
        await StartAsync();
        Server.CloseConnectionMidTransfer("POST", "/v1/files");

        await Assert.ThrowsAsync<PebbleConnectionException>(() => Client.PushBytesAsync("/big", new byte[4 * 1024 * 1024], cancellationToken: Ct));
    }

    [Fact]
    public async Task A_64_MiB_file_pushes_and_pulls_back_intact()
    {
        await StartAsync();
        const long size = 64L * 1024 * 1024;

        await Client.PushAsync("/media/big.bin", new PatternStream(size), new PebblePushOptions { MakeDirs = true }, Ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stream = await Client.PullAsync("/media/big.bin", Ct);
        long total = 0;
        await using (stream)
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }
        }

        Assert.Equal(size, total);
        Assert.Equal(Hash(size), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Hash(long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var pattern = new PatternStream(size);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = pattern.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task StartAsync()
    {
        server = await PebbleSocketServer.StartAsync(new PebbleSimulator(), Path.Combine(directory, "p.sock"), Ct);
        client = new PebbleClient(server.SocketPath);
    }
}
