using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Hooks;

/// <summary>One benchmarked event: its label in the table and the one scenario step that fires it.</summary>
/// <param name="Label">The event as the table names it, e.g. <c>config-changed</c>.</param>
/// <param name="Step">The step in the simulate scenario format, e.g. <c>pebble-ready: plex</c>.</param>
internal sealed record HookEvent(string Label, string Step)
{
    /// <summary>The one-step scenario that fires the event.</summary>
    public Scenario Scenario() => ScenarioReader.Parse($"steps:\n  - {Step}\n", Label);
}
