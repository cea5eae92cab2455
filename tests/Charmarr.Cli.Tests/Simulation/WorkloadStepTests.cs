using Charmarr.Cli.Simulation;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.InProcess;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The scenario steps that stand in for the workload (file, exec, check-up) and every container's own chown,
/// played on an emulated unit; none of them runs the charm, so no packed charm is needed.</summary>
public sealed class WorkloadStepTests : IAsyncLifetime
{
    private const string Metadata = "name: app\nsummary: s\ndescription: d\ncontainers:\n  web:\n    resource: web-image\nresources:\n  web-image:\n    type: oci-image\n";
    private readonly string directory = Directory.CreateTempSubdirectory("charmarr-steps-").FullName;
    private readonly List<SimulatedUnit> units = [];

    public ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(directory, "metadata.yaml"), Metadata);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var unit in units)
        {
            await unit.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task File_writes_what_the_workload_writes_with_its_owner_and_missing_parents()
    {
        var web = await PlayAsync("""
            - file: {container: web, path: /srv/app/settings.xml, content: "<settings/>", user-id: 1000, group-id: 1001}
            """);

        var file = web.ListFiles("/srv/app/settings.xml", itself: true).Single();
        Assert.Equal("<settings/>", web.ReadTextFile("/srv/app/settings.xml"));
        Assert.Equal((1000, 1001), (file.UserId, file.GroupId));
    }

    [Fact]
    public async Task Exec_answers_commands_with_the_prefix_from_then_on_and_others_stay_unknown()
    {
        var client = new InProcessPebbleClient(await PlayAsync("""
            - exec: {container: web, command-prefix: [app, --version], exit: 3, stdout: "app 1.2.3"}
            """));

        var answered = await client.ExecAsync(new PebbleExecRequest(["app", "--version", "--short"]), throwOnNonZeroExit: false, cancellationToken: TestContext.Current.CancellationToken);
        var unknown = await Assert.ThrowsAnyAsync<PebbleException>(() => client.ExecAsync(new PebbleExecRequest(["other"]), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((3, "app 1.2.3"), (answered.ExitCode, answered.Stdout));
        Assert.Contains("cannot find executable", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_up_reports_a_successful_run_of_a_check_in_the_plan()
    {
        var unit = await StartAsync("steps: []");
        var web = unit.Containers["web"];
        web.AddLayer("base", "checks:\n  up:\n    override: replace\n    level: ready\n    http: {url: 'http://localhost:8080/'}\n");

        await Play(unit, "- check-up: {container: web, check: up}");

        Assert.Equal(1, web.GetChecks(null, "up").Single().Successes);
    }

    [Fact]
    public async Task Check_up_on_a_check_the_plan_lacks_and_a_step_on_an_unknown_container_say_what_is_wrong()
    {
        var unit = await StartAsync("steps: []");

        var noCheck = await Assert.ThrowsAsync<CliException>(() => Play(unit, "- check-up: {container: web, check: up}"));
        var noContainer = await Assert.ThrowsAsync<CliException>(() => Play(unit, "- file: {container: db, path: /x, content: y}"));

        Assert.Equal("scenario line 2: the web container's plan has no check 'up' yet; a check-up step goes after the charm adds it", noCheck.Message);
        Assert.Equal("scenario line 2: the charm has no container 'db' (it has: web)", noContainer.Message);
    }

    [Fact]
    public async Task Every_container_answers_chown_by_changing_owners_in_its_filesystem()
    {
        var web = await PlayAsync("""
            - file: {container: web, path: /config/Library/prefs.xml, content: "x"}
            """);
        var client = new InProcessPebbleClient(web);

        var chown = await client.ExecAsync(new PebbleExecRequest(["chown", "-R", "1000:1000", "/config"]), cancellationToken: TestContext.Current.CancellationToken);
        var bad = await client.ExecAsync(new PebbleExecRequest(["chown", "plex", "/config"]), throwOnNonZeroExit: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, chown.ExitCode);
        Assert.All(["/config", "/config/Library", "/config/Library/prefs.xml"], path =>
            Assert.Equal((1000, 1000), web.ListFiles(path, itself: true).Select(f => (f.UserId, f.GroupId)).Single()));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("UID:GID", bad.Stderr, StringComparison.Ordinal);
    }

    private async Task<PebbleSimulator> PlayAsync(string steps)
    {
        var unit = await StartAsync("steps: []");
        await Play(unit, steps);
        return unit.Containers["web"];
    }

    private async Task<SimulatedUnit> StartAsync(string scenario)
    {
        var unit = await SimulatedUnit.StartAsync(directory, ScenarioReader.Parse(scenario, "test.yaml"), ShimLocator.Find());
        units.Add(unit);
        return unit;
    }

    private static Task Play(SimulatedUnit unit, string steps)
    {
        var scenario = ScenarioReader.Parse("steps:\n" + string.Join('\n', steps.Split('\n').Select(l => "  " + l.TrimStart())), "test.yaml");
        return new ScenarioPlayer(unit, new EventPrinter(TextWriter.Null)).PlayAsync(scenario);
    }
}
