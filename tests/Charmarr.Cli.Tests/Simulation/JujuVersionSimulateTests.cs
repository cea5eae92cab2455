using Charmarr.Cli.Commands;
using Charmarr.Cli.Simulation;
using Charmarr.Cli.Tests.Fixtures;
using Charmarr.Ops.Context;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Cli.Tests.Simulation;

/// <summary><c>charmarr simulate --juju 3.6|4.0</c> and the story's <c>juju-version:</c> key.</summary>
public sealed class JujuVersionSimulateTests(PackedPlexCharm charm)
{
    private static string PlexStory => Path.Combine(RepositoryPaths.PlexCharm, "simulate.yaml");

    [Fact]
    public async Task The_plex_story_passes_under_Juju_4_0_emulation()
    {
        using var output = new StringWriter();

        var exit = await SimulateCommand.SimulateAsync(charm.Path, PlexStory, output, jujuVersion: "4.0");

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("under Juju 4.0.16", text, StringComparison.Ordinal);
        Assert.Contains("(0 rejected by the emulated unit agent), 0 expectation(s) failed.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "3.6.4")]
    [InlineData("3.6", "3.6.4")]
    [InlineData("4.0", "4.0.16")]
    [InlineData("4", "4.0.16")]
    [InlineData("4.0.3", "4.0.3")]
    public void Short_forms_name_the_emulated_release(string? given, string emulated) =>
        Assert.Equal(JujuVersion.Parse(emulated), SimulatedJuju.Resolve(given));

    [Theory]
    [InlineData("3.5")]
    [InlineData("2.9.50")]
    [InlineData("5.0")]
    [InlineData("latest")]
    public void Versions_simulate_cannot_emulate_are_refused(string given) =>
        Assert.Throws<CliException>(() => SimulatedJuju.Check(given, () => new CliException("no")));

    [Fact]
    public void The_story_names_its_Juju_with_juju_version()
    {
        var story = ScenarioReader.Parse("juju-version: 4.0\nsteps:\n  - event: install\n", "story.yaml");
        var bad = Assert.Throws<CliException>(() => ScenarioReader.Parse("juju-version: 2.9\nsteps:\n  - event: install\n", "story.yaml"));

        Assert.Equal("4.0", story.JujuVersion);
        Assert.Contains("story.yaml:1:", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'juju-version' takes 3.6, 4.0", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Juju_4_units_get_no_shim_for_the_removed_leader_settings_tools()
    {
        Assert.Contains("leader-get", HookToolSocketServer.ToolNamesFor(SimulatedJuju.Resolve("3.6")));
        Assert.DoesNotContain("leader-get", HookToolSocketServer.ToolNamesFor(SimulatedJuju.Resolve("4.0")));
        Assert.DoesNotContain("leader-set", HookToolSocketServer.ToolNamesFor(SimulatedJuju.Resolve("4.0")));
    }
}
