using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Fakes;

namespace Charmarr.Ops.Tests.Model;

/// <summary>The model's containers reach Pebble through the factory and offer ops' operations and conveniences.</summary>
public sealed class ContainerTests
{
    private readonly FakePebbleClient _pebble = new();
    private readonly List<(string Name, string Path)> _created = [];
    private readonly Container _container;

    public ContainerTests()
    {
        var model = new CharmModel(new FakeJujuBackend(), TestModels.Context(), TestModels.Metadata, new Factory(this));
        _container = model.Unit.GetContainer("plex");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_client_is_made_once_per_container_for_its_socket()
    {
        var model = new CharmModel(new FakeJujuBackend(), TestModels.Context(), TestModels.Metadata, new Factory(this));

        Assert.Same(model.Unit.GetContainer("plex"), model.Unit.GetContainer("plex"));
        Assert.Same(model.Unit.GetContainer("plex"), Assert.Single(model.Unit.Containers));
        Assert.Same(_pebble, model.Unit.GetContainer("plex").Pebble);
        _ = model.Unit.GetContainer("plex").Pebble;
        Assert.Equal([("plex", "/charm/containers/plex/pebble.socket")], _created);
    }

    [Fact]
    public void Nothing_connects_until_Pebble_is_used()
    {
        Assert.Equal("plex", _container.Name);
        Assert.Empty(_created);
        Assert.Empty(_pebble.Calls);
    }

    [Fact]
    public async Task CanConnect_is_true_when_Pebble_answers()
    {
        Assert.True(await _container.CanConnectAsync(Ct));
        Assert.Equal(["system-info"], _pebble.Calls);
    }

    [Theory]
    [InlineData("connection")]
    [InlineData("api")]
    public async Task CanConnect_is_false_instead_of_throwing(string failure)
    {
        _pebble.Failure = failure == "connection"
            ? new PebbleConnectionException("pebble version", "/s", "Could not connect to Pebble: socket not found at /s (container restarted?)", null)
            : new PebbleApiException("pebble version", 500, "Internal Server Error", null, "degraded");

        Assert.False(await _container.CanConnectAsync(Ct));
    }

    [Fact]
    public async Task Text_pushed_is_UTF8_without_a_byte_order_mark_and_pulls_back()
    {
        await _container.PushTextAsync("/config/a.xml", "<a>é</a>", cancellationToken: Ct);

        Assert.Equal("<a>é</a>"u8.ToArray(), _pebble.Contents["/config/a.xml"]);
        Assert.Equal("<a>é</a>", await _container.PullTextAsync("/config/a.xml", Ct));
    }

    [Fact]
    public async Task Bytes_push_and_pull_unchanged()
    {
        byte[] bytes = [0, 255, 13, 10];

        await _container.PushBytesAsync("/b", bytes, cancellationToken: Ct);

        Assert.Equal(bytes, await _container.Pebble.PullBytesAsync("/b", Ct));
    }

    [Fact]
    public async Task Exists_lists_the_path_itself_and_a_404_means_no()
    {
        _pebble.Files["/config"] = FakePebbleClient.File("/config", PebbleFileType.Directory, 0b111_101_101, 0, 0);
        _pebble.Files["/config/a"] = FakePebbleClient.File("/config/a", PebbleFileType.File, 0b110_100_100, 0, 0);

        Assert.True(await _container.ExistsAsync("/config", Ct));
        Assert.False(await _container.ExistsAsync("/nope", Ct));
        Assert.True(await _container.IsDirectoryAsync("/config", Ct));
        Assert.False(await _container.IsDirectoryAsync("/config/a", Ct));
        Assert.False(await _container.IsDirectoryAsync("/nope", Ct));
        Assert.Equal("ls /config itself", _pebble.Calls[0]);
    }

    [Fact]
    public async Task Exists_lets_other_errors_through()
    {
        _pebble.Failure = new PebbleApiException("pebble ls /root", 403, "Forbidden", PebbleErrorKinds.PermissionDenied, "permission denied");

        await Assert.ThrowsAsync<PebbleApiException>(() => _container.ExistsAsync("/root", Ct));
    }

    [Fact]
    public async Task EnsureLayer_on_a_fresh_Pebble_combines_the_layer_and_replans()
    {
        var replanned = await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct);

        Assert.True(replanned);
        Assert.Equal(["plan", "add-layer plex combine", "plan", "services plex", "replan"], _pebble.Calls);
        Assert.True(_pebble.Services["plex"].IsRunning);
    }

    [Fact]
    public async Task EnsureLayer_with_an_unchanged_layer_and_running_services_does_not_replan()
    {
        await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct);
        _pebble.Calls.Clear();

        var replanned = await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct);

        Assert.False(replanned);
        Assert.DoesNotContain("replan", _pebble.Calls);
    }

    [Fact]
    public async Task EnsureLayer_replans_when_the_layer_changed()
    {
        await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct);

        Assert.True(await _container.EnsureLayerAsync("plex", Layer("/plex --debug"), Ct));
    }

    [Fact]
    public async Task EnsureLayer_replans_when_an_enabled_service_is_not_running()
    {
        await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct);
        await _container.StopAsync("plex");

        Assert.True(await _container.EnsureLayerAsync("plex", Layer("/plex"), Ct));
        Assert.True(_pebble.Services["plex"].IsRunning);
    }

    [Fact]
    public async Task EnsureDirectory_makes_a_missing_directory_with_parents_owner_and_mode()
    {
        await _container.EnsureDirectoryAsync("/config/cache", new PebbleMakeDirOptions { UserId = 1000, GroupId = 1000, Permissions = 0b111_101_000 }, Ct);

        Assert.Equal(["mkdir /config/cache -p uid=1000 mode=750", "ls /config/cache itself"], _pebble.Calls);
    }

    [Fact]
    public async Task EnsureDirectory_fixes_the_owner_and_mode_of_an_existing_directory()
    {
        _pebble.Files["/config"] = FakePebbleClient.File("/config", PebbleFileType.Directory, 0b111_101_101, 0, 0);

        await _container.EnsureDirectoryAsync("/config", new PebbleMakeDirOptions { UserId = 1000, GroupId = 1001, Permissions = 0b111_101_000 }, Ct);

        Assert.Equal(["exec chown 1000:1001 /config", "exec chmod 750 /config"], _pebble.Calls.Where(c => c.StartsWith("exec", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EnsureDirectory_leaves_a_directory_that_already_matches()
    {
        _pebble.Files["/config"] = FakePebbleClient.File("/config", PebbleFileType.Directory, 0b111_101_101, 1000, 1000);

        await _container.EnsureDirectoryAsync("/config", new PebbleMakeDirOptions { UserId = 1000, GroupId = 1000 }, Ct);

        Assert.DoesNotContain(_pebble.Calls, c => c.StartsWith("exec", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exec_returns_the_captured_output_and_feeds_stdin()
    {
        _pebble.Exec = (command, stdin) => (0, $"{string.Join(' ', command)}<{stdin}>", "note");

        var result = await _container.ExecAsync(new PebbleExecRequest(["cat"]), stdin: "in", cancellationToken: Ct);

        Assert.Equal(new PebbleExecResult(0, "cat<in>", "note"), result);
    }

    [Fact]
    public async Task Exec_of_a_failing_command_throws_with_its_output()
    {
        _pebble.Exec = (_, _) => (3, "partial", "boom\n");

        var error = await Assert.ThrowsAsync<PebbleExecException>(() => _container.ExecAsync("plex", "--check"));

        Assert.Equal((3, "partial", "boom\n"), (error.ExitCode, error.Stdout, error.Stderr));
    }

    [Fact]
    public async Task Exec_of_a_failing_command_can_return_its_exit_code()
    {
        _pebble.Exec = (_, _) => (3, "", "");

        var result = await _container.ExecAsync(new PebbleExecRequest(["false"]), throwOnNonZeroExit: false, cancellationToken: Ct);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Restart_on_a_Pebble_without_the_restart_action_stops_the_running_then_starts_all()
    {
        _pebble.Services["a"] = new PebbleServiceInfo("a", ServiceStartup.Enabled, ServiceStatus.Active);
        _pebble.Services["b"] = new PebbleServiceInfo("b", ServiceStartup.Enabled, ServiceStatus.Inactive);
        _pebble.RestartFailure = new PebbleApiException("pebble restart a b", 400, "Bad Request", null, "invalid action \"restart\"");

        await _container.RestartAsync("a", "b");

        Assert.Equal(["services a b", "stop a", "start a b"], _pebble.Calls);
    }

    [Fact]
    public async Task Service_operations_need_at_least_one_name()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _container.StartAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => _container.StopAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => _container.RestartAsync());
    }

    [Fact]
    public async Task GetService_is_null_for_a_service_not_in_the_plan()
    {
        _pebble.Services["plex"] = new PebbleServiceInfo("plex", ServiceStartup.Enabled, ServiceStatus.Active);

        Assert.Equal("plex", (await _container.GetServiceAsync("plex", Ct))!.Name);
        Assert.Null(await _container.GetServiceAsync("other", Ct));
    }

    private static PebbleLayer Layer(string command) => new()
    {
        Services = new Dictionary<string, PebbleService>
        {
            ["plex"] = new() { Override = PebbleOverride.Replace, Command = command, Startup = ServiceStartup.Enabled },
        },
    };

    private sealed class Factory(ContainerTests test) : IPebbleClientFactory
    {
        public IPebbleClient Create(string containerName, string socketPath)
        {
            test._created.Add((containerName, socketPath));
            return test._pebble;
        }
    }
}
