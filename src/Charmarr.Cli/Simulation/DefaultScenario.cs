namespace Charmarr.Cli.Simulation;

/// <summary>The deploy story simulate plays when no scenario is given: what Juju runs when a unit comes up.</summary>
internal static class DefaultScenario
{
    public const string Text = """
        steps:
          - say: juju deploy (first unit, becomes leader)
          - event: install
          - leader: true
          - event: leader-elected
          - event: config-changed
          - event: start
          - say: Juju runs update-status every few minutes
          - event: update-status
        """;
}
