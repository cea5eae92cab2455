using System.CommandLine;
using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Simulation.RealPebble;
using Charmarr.Ops.Metadata;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr simulate &lt;.charm&gt; [scenario.yaml] [--pebble simulated|real] [--pebble-binary path]</c>.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var charm = new Argument<string>("file.charm") { Description = "The packed charm to run" };
        var scenario = new Argument<string?>("scenario.yaml") { Description = "The story to play (default: install, leader-elected, config-changed, start, update-status)", Arity = ArgumentArity.ZeroOrOne };
        var options = new SimulationOptions();
        var command = new Command("simulate", "Run the packed charm's events against an emulated unit (hook tools, Pebble, Kubernetes) and print them") { charm, scenario };
        options.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var realPebble = options.RealPebble(parsed);
            return await SimulateAsync(parsed.GetRequiredValue(charm), parsed.GetValue(scenario), Console.Out, realPebble, parsed.GetValue(options.Juju));
        });
        return command;
    }

    /// <summary>Reads and parses a story file, or the default deploy story when <paramref name="scenarioPath"/> is null.</summary>
    /// <exception cref="CliException">The file is missing or wrong (<c>file:LINE:COL: …</c>).</exception>
    public static Scenario ReadScenario(string? scenarioPath, string? jujuVersion)
    {
        var scenario = scenarioPath is null
            ? DefaultScenario.Text
            : File.Exists(scenarioPath) ? File.ReadAllText(scenarioPath) : throw new CliException($"scenario {scenarioPath} does not exist");
        var parsed = ScenarioReader.Parse(scenario, scenarioPath ?? "default scenario");
        return jujuVersion is null ? parsed : parsed with { JujuVersion = SimulatedJuju.Check(jujuVersion, () => new CliException($"--juju {jujuVersion}: give 3.6, 4.0 or a full Juju version such as 4.0.16")) };
    }

    /// <summary>Unpacks <paramref name="charm"/> and plays the scenario (or the default deploy story); 0 when every
    /// event succeeded and every expectation held.</summary>
    /// <param name="charm">The packed charm.</param>
    /// <param name="scenarioPath">The story file; the default deploy story when null.</param>
    /// <param name="output">Where the run is printed.</param>
    /// <param name="realPebble">When given, each workload container runs on a real Pebble in a private root instead of the simulator.</param>
    /// <param name="jujuVersion">The Juju to emulate (<c>--juju</c>), over the story's <c>juju-version:</c>.</param>
    public static async Task<int> SimulateAsync(string charm, string? scenarioPath, TextWriter output, RealPebbleTools? realPebble = null, string? jujuVersion = null)
    {
        if (!File.Exists(charm))
        {
            throw new CliException($"{charm} does not exist; make one with: charmarr pack <charm dir>");
        }

        var parsed = ReadScenario(scenarioPath, jujuVersion);
        var directory = Directory.CreateTempSubdirectory("charmarr-charm-").FullName;
        try
        {
            CharmArchive.Extract(charm, directory);
            if (!File.Exists(Path.Combine(directory, "dispatch")))
            {
                throw new CliException($"{charm} has no dispatch file, so Juju could not run it; pack it with charmarr pack");
            }

            ScenarioValidator.Check(parsed, LoadMetadata(charm, directory), scenarioPath ?? "default scenario");

            output.WriteLine($"Simulating {Path.GetFileName(charm)} with {(scenarioPath is null ? "the default deploy story" : scenarioPath)} under Juju {SimulatedJuju.Resolve(parsed.JujuVersion)}");
            await using var unit = await SimulatedUnit.StartAsync(directory, parsed, ShimLocator.Find(), realPebble);
            foreach (var workload in unit.Workloads.Values)
            {
                output.WriteLine($"  container {workload.Name}: {workload.Description}");
            }

            var printer = new EventPrinter(output);
            var player = new ScenarioPlayer(unit, printer);
            await player.PlayAsync(parsed);
            foreach (var fake in unit.Fakes)
            {
                output.WriteLine($"  fake {fake.Fake.Name}: {(fake.Requests.Count == 0 ? "no requests" : string.Join("; ", fake.Requests))}");
            }

            printer.Summary(unit.Calls, player.Runs.Count, player.Failures);
            return player.Failures.Count == 0 && player.Runs.All(r => r.Outcome.ExitCode == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CharmMetadata LoadMetadata(string charm, string directory)
    {
        try
        {
            return CharmMetadata.Load(directory);
        }
        catch (CharmMetadataException e)
        {
            throw new CliException($"{charm}: {e.Message}", e);
        }
    }
}
