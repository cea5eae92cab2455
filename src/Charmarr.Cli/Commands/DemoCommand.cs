namespace Charmarr.Cli.Commands;

/// <summary><c>charmarr demo [charm dir]</c>: the README's main command. Packs the charm (default: the repository's
/// plex-k8s) into artifacts/charms and simulates it with the scenario beside its charmcraft.yaml.</summary>
internal static class DemoCommand
{
    public const string Usage = "charmarr demo [charm dir] " + Simulation.RealPebble.PebbleOption.Usage + " [--juju 3.6|4.0]";
    private const string ScenarioFile = "simulate.yaml";

    public static async Task<int> RunAsync(CommandLine args, CancellationToken cancellationToken)
    {
        var directory = args.OptionalPositional(0) ?? Path.Combine(RepositoryRoot(), "charms", "plex-k8s");
        var realPebble = Simulation.RealPebble.PebbleOption.Read(args);
        var juju = args.Option("juju");
        args.ThrowIfUnused(Usage);
        var output = Path.Combine(RepositoryRoot(), "artifacts", "charms");
        var charms = await new Packing.CharmPacker(Progress.Console, TimeProvider.System).PackAsync(directory, output, cancellationToken);
        var scenario = Path.Combine(directory, ScenarioFile);
        Console.WriteLine();
        return await SimulateCommand.SimulateAsync(charms[0], File.Exists(scenario) ? scenario : null, Console.Out, realPebble, juju);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Charmarr.sln")))
            {
                return directory.FullName;
            }
        }

        throw new CliException("charmarr demo runs inside the Charmarr.Ops repository (no Charmarr.sln above this directory); or give it a charm directory");
    }
}
