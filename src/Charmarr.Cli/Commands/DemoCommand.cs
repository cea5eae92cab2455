using System.CommandLine;
using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;

namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr demo [charm dir]</c>: the README's main command. Packs the charm (default: the repository's
/// plex-k8s) and simulates it with the story beside its charmcraft.yaml. The .charm goes to the repository's
/// artifacts/charms when the charm is inside a Charmarr.Ops checkout, else to <c>&lt;charm dir&gt;/.charmarr/charms</c>.</summary>
internal static class DemoCommand
{
    private const string ScenarioFile = "simulate.yaml";

    public static Command Create()
    {
        var directory = new Argument<string?>("charm dir")
        {
            Description = "The charm's source directory (default: charms/plex-k8s of the Charmarr.Ops checkout around the current directory)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var options = new SimulationOptions();
        var command = new Command("demo", "Pack a charm and simulate it with the simulate.yaml beside its charmcraft.yaml") { directory };
        options.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var realPebble = options.RealPebble(parsed);
            return await RunAsync(parsed.GetValue(directory), realPebble, parsed.GetValue(options.Juju), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string? given, Simulation.RealPebble.RealPebbleTools? realPebble, string? juju, CancellationToken cancellationToken)
    {
        given ??= DefaultCharm();
        var project = CharmPacker.ReadProject(given);
        var directory = Path.GetFullPath(given);
        var scenarioPath = Path.Combine(directory, ScenarioFile);
        var scenarioName = Path.GetRelativePath(Environment.CurrentDirectory, scenarioPath);
        var story = File.Exists(scenarioPath) ? scenarioName : null;
        ScenarioValidator.Check(SimulateCommand.ReadScenario(story, juju), project.Metadata, story ?? "default scenario");
        var output = OutputDirectory(directory);
        Progress.Console.Step($"Demo of {project.Metadata.Name}: pack into {Path.GetRelativePath(Environment.CurrentDirectory, output)}, then simulate with {story ?? "the default deploy story"}");
        var charms = await new CharmPacker(Progress.Console, TimeProvider.System).PackAsync(directory, output, cancellationToken);
        Console.WriteLine();
        return await SimulateCommand.SimulateAsync(charms[0], story, Console.Out, realPebble, juju);
    }

    /// <summary>Where demo writes the .charm: <c>&lt;repository&gt;/artifacts/charms</c> for a charm inside a Charmarr.Ops
    /// checkout, else <c>&lt;charm dir&gt;/.charmarr/charms</c>.</summary>
    /// <param name="charmDirectory">The charm's full path.</param>
    /// <returns>The folder.</returns>
    public static string OutputDirectory(string charmDirectory) =>
        RepositoryRootAbove(charmDirectory) is { } root
            ? Path.Combine(root, "artifacts", "charms")
            : Path.Combine(charmDirectory, ".charmarr", "charms");

    private static string DefaultCharm() =>
        RepositoryRootAbove(Environment.CurrentDirectory) is { } root
            ? Path.Combine(root, "charms", "plex-k8s")
            : throw new CliException("charmarr demo needs a charm directory here (charmarr demo <charm dir>): only inside a Charmarr.Ops checkout does it default to charms/plex-k8s");

    private static string? RepositoryRootAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
