using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// An emulated unit of an unpacked charm (<c>charmarr simulate</c>'s <see cref="SimulatedUnit"/>) whose events the
/// benchmark plays with the printout discarded; a failed event or action stops the benchmark, so no figure is ever
/// taken from a failing hook.
/// </summary>
internal sealed class BenchUnit : IAsyncDisposable
{
    private readonly ScenarioPlayer player;

    private BenchUnit(string charmDirectory, string shim, SimulatedUnit unit)
    {
        CharmDirectory = charmDirectory;
        Shim = shim;
        Unit = unit;
        player = new ScenarioPlayer(unit, new EventPrinter(TextWriter.Null));
    }

    /// <summary>The unpacked charm (its <c>dispatch</c> is what each event runs).</summary>
    public string CharmDirectory { get; }

    /// <summary>The native hook-tool shim on the charm's PATH.</summary>
    public string Shim { get; }

    public SimulatedUnit Unit { get; }

    /// <summary>Starts the unit for <paramref name="story"/> (its leadership, config and fakes); plays none of its steps.</summary>
    public static async Task<BenchUnit> StartAsync(string charmDirectory, Scenario story, string shim) =>
        new(charmDirectory, shim, await SimulatedUnit.StartAsync(charmDirectory, story, shim));

    /// <summary>Plays one scenario (steps only) and returns its last event.</summary>
    public async Task<EventRun> PlayAsync(Scenario scenario)
    {
        var before = player.Runs.Count;
        await player.PlayAsync(scenario);
        foreach (var run in player.Runs.Skip(before))
        {
            if (run.Outcome.ExitCode != 0 || run.Action?.FailureMessage is not null)
            {
                throw new BenchException($"{run.Name} failed (exit {run.Outcome.ExitCode}{(run.Action?.FailureMessage is { } m ? $", action: {m}" : "")}): {run.Outcome.Stderr}");
            }
        }

        return player.Runs.Count > before ? player.Runs[^1] : throw new BenchException("the benchmark played a scenario that ran no event");
    }

    public ValueTask DisposeAsync() => Unit.DisposeAsync();
}
