using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Http;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.PlexK8s.Tests.Fakes;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>The claim-server action as state transitions.</summary>
public sealed class ClaimServerScenarioTests : IAsyncLifetime
{
    private const string Token = "claim-ScenarioToken42";

    private PlexScenario plex = null!;

    public async ValueTask InitializeAsync()
    {
        plex = await PlexScenario.StartAsync();
        plex.PlexTv.Exchanging(Token);
        plex.PlexServer.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer claimed=\"1\"/>"));
    }

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    private Context<PlexCharm> Ctx => plex.Context;

    private static CharmState Running(string preferences) => PlexScenario.RunningLeader(preferences);

    [Fact]
    public void Claim_puts_the_server_token_in_preferences_and_goes_active()
    {
        var output = Ctx.Run(Ctx.On.Action("claim-server", ("token", Token)), Running(PreferencesSamples.Unclaimed));

        Assert.Null(output.FailureMessage);
        Assert.Equal("true", output.Results["claimed"]?.GetValue<string>());
        var preferences = PlexPreferences.Parse(output.State.GetContainer("plex").Files[PlexWorkload.PreferencesPath]);
        Assert.True(preferences.IsClaimed);
        Assert.Equal(PreferencesSamples.MachineIdentifier, preferences.MachineIdentifier);
        Assert.Equal(Status.Active(), output.State.UnitStatus);
        Assert.DoesNotContain(Token, output.State.GetContainer("plex").Files[PlexWorkload.PreferencesPath], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_token_fails_with_where_to_get_one()
    {
        var output = Ctx.Run(Ctx.On.Action("claim-server", ("token", "12345")), Running(PreferencesSamples.Unclaimed));

        Assert.Equal("Invalid token. Get one from https://plex.tv/claim", output.FailureMessage);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Fact]
    public void Already_claimed_fails_and_says_how_to_force()
    {
        var state = Running(PreferencesSamples.Claimed("kept"));

        var output = Ctx.Run(Ctx.On.Action("claim-server", ("token", Token)), state);

        Assert.Contains("force=true", output.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(state.GetContainer("plex").Files[PlexWorkload.PreferencesPath], output.State.GetContainer("plex").Files[PlexWorkload.PreferencesPath]);
    }

    [Fact]
    public void Expired_token_fails_and_changes_nothing()
    {
        plex.PlexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(401, "<errors/>"));
        var state = Running(PreferencesSamples.Unclaimed);

        var output = Ctx.Run(Ctx.On.Action("claim-server", ("token", Token)), state);

        Assert.Contains("expired", output.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(state.GetContainer("plex").Files[PlexWorkload.PreferencesPath], output.State.GetContainer("plex").Files[PlexWorkload.PreferencesPath]);
    }
}
