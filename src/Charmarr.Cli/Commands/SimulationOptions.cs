using System.CommandLine;
using Charmarr.Cli.Simulation.RealPebble;

namespace Charmarr.Cli.Commands;

/// <summary><c>--pebble simulated|real</c>, <c>--pebble-binary</c> and <c>--juju</c>, shared by simulate and demo.</summary>
internal sealed class SimulationOptions
{
    public Option<string> Pebble { get; } = new Option<string>("--pebble")
    {
        Description = "Serve each workload container with the simulator (default) or a real Pebble in a private root (bwrap, root)",
        HelpName = "simulated|real",
    }.AcceptOnlyFromAmong("simulated", "real");

    public Option<string> PebbleBinary { get; } = new("--pebble-binary")
    {
        Description = "The Pebble binary for --pebble real (default: $CHARMARR_PEBBLE, the repository's, or pebble on PATH)",
        HelpName = "path",
    };

    public Option<string> Juju { get; } = new("--juju")
    {
        Description = "The Juju whose rules the unit follows: 3.6 (default), 4.0 or a full version such as 4.0.16",
        HelpName = "3.6|4.0",
    };

    public SimulationOptions()
    {
        Juju.CompletionSources.Add("3.6", "4.0");
    }

    public void AddTo(Command command)
    {
        command.Add(Pebble);
        command.Add(PebbleBinary);
        command.Add(Juju);
    }

    /// <summary>The real-Pebble tools, or <see langword="null"/> for the simulator.</summary>
    public RealPebbleTools? RealPebble(ParseResult parsed) => PebbleOption.Read(parsed.GetValue(Pebble), parsed.GetValue(PebbleBinary));
}
