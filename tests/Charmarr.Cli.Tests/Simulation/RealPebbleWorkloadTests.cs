using Charmarr.Cli.Simulation;
using Charmarr.Cli.Simulation.RealPebble;
using Charmarr.Ops.Pebble;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>
/// The workload steps and stand-ins on a container served by a real Pebble in a private root (<c>--pebble real</c>),
/// with no charm run (no packed charm needed). Skipped, with the reason, where Pebble, bwrap or root is missing.
/// </summary>
public sealed class RealPebbleWorkloadTests : IAsyncLifetime
{
    private const string Metadata = "name: app\nsummary: s\ndescription: d\ncontainers:\n  web:\n    resource: web-image\nresources:\n  web-image:\n    type: oci-image\n";
    private const string Scenario = """
        fakes:
          - name: web app
            url-env: WEB_URL
            routes:
              - {method: GET, path: /health, status: 200, body: ok}
        stand-ins:
          - {container: web, path: /usr/lib/webapp/server, port: 8080, fake: web app}
        steps: []
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-real-steps-").FullName;
    private readonly StringWriter printed = new();
    private RealPebbleTools? tools;
    private string? skipReason;
    private SimulatedUnit? unit;
    private PebbleClient? client;

    private PebbleClient Web => client!;

    private RealPebbleContainer Container => (RealPebbleContainer)unit!.Workloads["web"];

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(directory, "metadata.yaml"), Metadata);
        if (!RealPebbleTools.TryFind(null, out var found, out var problem))
        {
            skipReason = problem;
            return;
        }

        tools = found;
        unit = await SimulatedUnit.StartAsync(directory, ScenarioReader.Parse(Scenario, "test.yaml"), ShimLocator.Find(), tools);
        client = new PebbleClient(unit.Workloads["web"].SocketPath);
    }

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (unit is not null)
        {
            await unit.DisposeAsync();
        }

        printed.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_stand_in_runs_under_real_pebble_and_answers_its_fakes_routes_to_the_layers_http_check()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;
        await Web.AddLayerAsync("web", new PebbleLayer
        {
            Services = new Dictionary<string, PebbleService>(StringComparer.Ordinal)
            {
                ["web"] = new() { Override = PebbleOverride.Replace, Command = "/usr/lib/webapp/server --listen :8080", Startup = ServiceStartup.Enabled },
            },
            Checks = new Dictionary<string, PebbleCheck>(StringComparer.Ordinal)
            {
                ["up"] = new() { Override = PebbleOverride.Replace, Level = CheckLevel.Ready, Period = TimeSpan.FromSeconds(1), Http = new PebbleHttpCheck { Url = "http://localhost:8080/health" } },
            },
        }, cancellationToken: token);
        await Web.ReplanServicesAsync(cancellationToken: token);

        await PlayAsync("- check-up: {container: web, check: up}");

        Assert.True((await Web.GetServiceAsync("web", token))!.IsRunning);
        Assert.True((await Web.GetCheckAsync("up", token))!.Successes > 0);
        Assert.Contains("web: check up succeeded", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains(await Web.GetLogsAsync(["web"], cancellationToken: token), l => l.Message == "charmarr stand-in for /usr/lib/webapp/server: given --listen :8080");
    }

    [Fact]
    public async Task File_writes_into_the_containers_root_with_its_owner_and_a_real_chown_acts_there_only()
    {
        SkipUnlessRealPebble();
        var token = TestContext.Current.CancellationToken;

        await PlayAsync("- file: {container: web, path: /config/app/settings.xml, content: \"<settings/>\", user-id: 1000, group-id: 1001}");
        var written = Assert.Single(await Web.ListFilesAsync("/config/app/settings.xml", itself: true, cancellationToken: token));
        await Web.ExecAsync(new PebbleExecRequest(["chown", "-R", "2000:2000", "/config"]), cancellationToken: token);
        var chowned = await Web.ListFilesAsync("/config/app", cancellationToken: token);

        Assert.Equal((1000L, 1001L), (written.UserId, written.GroupId));
        Assert.Equal("<settings/>", File.ReadAllText(Path.Combine(Container.Root, "config/app/settings.xml")));
        Assert.Equal([(2000L, 2000L)], chowned.Select(f => (f.UserId, f.GroupId)));
        Assert.False(File.Exists("/config/app/settings.xml"));
    }

    [Fact]
    public async Task Check_up_on_a_check_the_plan_lacks_says_what_the_simulator_says_and_exec_steps_are_skipped_with_a_note()
    {
        SkipUnlessRealPebble();

        var noCheck = await Assert.ThrowsAsync<CliException>(() => PlayAsync("- check-up: {container: web, check: up}"));
        await PlayAsync("- exec: {container: web, command-prefix: [app, --version], stdout: 'app 1.2.3'}");

        Assert.Equal("scenario line 2: the web container's plan has no check 'up' yet; a check-up step goes after the charm adds it", noCheck.Message);
        Assert.Contains("web: skipped the exec step for 'app --version' (scenario line 2): real Pebble runs the container's own command", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_container_is_pebble_v1_32_1_with_its_own_state_dir_in_its_root()
    {
        SkipUnlessRealPebble();

        Assert.Equal("v1.32.1", Container.Version);
        Assert.True(File.Exists(Path.Combine(Container.Root, "var/lib/pebble/default/.pebble.state")));
        Assert.Equal(Path.GetFullPath(Path.Combine(Container.Root, "..", "..", "containers", "web", "pebble.socket")), Container.SocketPath);
        Assert.True(File.Exists(Container.SocketPath));
    }

    private Task PlayAsync(string steps)
    {
        var scenario = ScenarioReader.Parse("steps:\n" + string.Join('\n', steps.Split('\n').Select(l => "  " + l.TrimStart())), "test.yaml");
        return new ScenarioPlayer(unit!, new EventPrinter(printed)).PlayAsync(scenario);
    }

    private void SkipUnlessRealPebble()
    {
        if (skipReason is not null)
        {
            Assert.Skip(skipReason);
        }
    }
}
