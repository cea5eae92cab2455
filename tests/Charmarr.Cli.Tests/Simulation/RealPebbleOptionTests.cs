using Charmarr.Cli.Simulation;
using Charmarr.Cli.Simulation.RealPebble;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary><c>--pebble</c>, <c>--pebble-binary</c>, the scenario's stand-ins and the sandbox's arguments: no Pebble runs.</summary>
public sealed class RealPebbleOptionTests
{
    [Fact]
    public void Pebble_options_refuse_an_unknown_mode_a_binary_without_real_and_a_binary_that_is_not_one()
    {
        var mode = Assert.Throws<CliException>(() => PebbleOption.Read("fake", null));
        var binary = Assert.Throws<CliException>(() => PebbleOption.Read(null, "/bin/sh"));
        var missing = RealPebbleTools.TryFind("/nonexistent/pebble", out _, out var problem);

        Assert.Null(PebbleOption.Read(null, null));
        Assert.Equal("--pebble takes simulated or real, not 'fake'", mode.Message);
        Assert.Equal("--pebble-binary applies to --pebble real only", binary.Message);
        Assert.False(missing);
        Assert.Equal("--pebble-binary /nonexistent/pebble is not an executable file", problem);
    }

    [Fact]
    public void A_stand_in_names_a_container_file_path_and_a_fake_that_exists_with_a_port()
    {
        const string fakes = "fakes:\n  - {name: api, url-env: API_URL, routes: [{path: /}]}\n";
        var scenario = ScenarioReader.Parse(fakes + "stand-ins:\n  - {container: web, path: /usr/bin/app, port: 8080, fake: api}\nsteps: []\n", "s.yaml");
        var noFake = Assert.Throws<CliException>(() => ScenarioReader.Parse(fakes + "stand-ins:\n  - {container: web, path: /usr/bin/app, port: 8080, fake: web}\nsteps: []\n", "s.yaml"));
        var noPort = Assert.Throws<CliException>(() => ScenarioReader.Parse(fakes + "stand-ins:\n  - {container: web, path: /usr/bin/app, fake: api}\nsteps: []\n", "s.yaml"));
        var relative = Assert.Throws<CliException>(() => ScenarioReader.Parse("stand-ins:\n  - {container: web, path: bin/app}\nsteps: []\n", "s.yaml"));

        Assert.Equal([new WorkloadStandIn(4, "web", "/usr/bin/app", 8080, "api")], scenario.StandIns);
        Assert.EndsWith("no fake named 'web' (the scenario has: api)", noFake.Message, StringComparison.Ordinal);
        Assert.EndsWith("a stand-in serving the fake 'api' needs a 'port'", noPort.Message, StringComparison.Ordinal);
        Assert.EndsWith("a stand-in's path must be an absolute file path, not 'bin/app'", relative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandbox_binds_the_hosts_usr_read_only_with_a_hole_where_a_stand_in_goes_and_isolates_the_network()
    {
        var args = SandboxArguments.Build("/tmp/root", "app-0", [("/tmp/standin.sh", "/usr/lib/app/server")], "/tmp/sock", ["/charm/bin/pebble", "run"]);
        var binds = args.Select((a, i) => (a, i)).Where(x => x.a == "--ro-bind").Select(x => (args[x.i + 1], args[x.i + 2])).ToList();

        Assert.Equal(["--bind", "/tmp/root", "/"], args.Take(3));
        Assert.Contains(("/usr/bin", "/usr/bin"), binds);
        Assert.DoesNotContain(binds, b => b.Item2 is "/usr" or "/usr/lib");
        Assert.Contains(("/tmp/standin.sh", "/usr/lib/app/server"), binds);
        Assert.Contains(binds, b => b.Item2.StartsWith("/usr/lib/", StringComparison.Ordinal) && b.Item1 == b.Item2);
        Assert.Contains("--unshare-net", args);
        Assert.Contains("--clearenv", args);
        Assert.Equal(["/charm/bin/pebble", "run"], args.TakeLast(2));
    }
}
