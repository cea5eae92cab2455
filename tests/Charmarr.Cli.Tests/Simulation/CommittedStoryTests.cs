using Charmarr.Cli.Commands;
using Charmarr.Cli.Packing;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Tests.Fixtures;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary>The repository's own stories pass the checks every story gets before it runs.</summary>
public sealed class CommittedStoryTests
{
    [Theory]
    [InlineData("charms/plex-k8s")]
    [InlineData("tests/Charmarr.Ops.SampleCharm")]
    [InlineData("templates/charmarr-charm")]
    public void A_committed_story_names_only_events_endpoints_containers_actions_and_options_its_charm_has(string charm)
    {
        var directory = Path.Combine(RepositoryPaths.Root, charm);
        var story = Path.Combine(directory, "simulate.yaml");

        var exception = Record.Exception(() => ScenarioValidator.Check(SimulateCommand.ReadScenario(story, null), CharmPacker.ReadProject(directory).Metadata, story));

        Assert.Null(exception);
    }

    [Fact]
    public void Every_hook_juju_could_send_is_known_and_a_misspelt_one_is_not()
    {
        var hooks = ScenarioValidator.Hooks(CharmPacker.ReadProject(RepositoryPaths.PlexCharm).Metadata);

        Assert.Contains("install", hooks);
        Assert.Contains("media-storage-relation-changed", hooks);
        Assert.Contains("plex-pebble-ready", hooks);
        Assert.Contains("plex-pebble-check-failed", hooks);
        Assert.Contains("config-storage-attached", hooks);
        Assert.DoesNotContain("instal", hooks);
    }
}
