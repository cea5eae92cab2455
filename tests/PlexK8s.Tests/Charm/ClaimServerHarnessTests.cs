using System.Xml.Linq;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Http;
using Charmarr.PlexK8s.Tests.Fakes;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>The claim-server action through the Harness, against the loopback plex.tv and Plex server.</summary>
public sealed class ClaimServerHarnessTests : IAsyncLifetime
{
    private const string Token = "claim-Tok3nUnderTest_xyz";

    private PlexHarness plex = null!;

    public async ValueTask InitializeAsync()
    {
        plex = await PlexHarness.StartAsync();
        plex.PlexTv.Exchanging(Token);
    }

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    private Harness<PlexCharm> Harness => plex.Harness;

    private string Preferences => plex.Plex.ReadTextFile(PlexWorkload.PreferencesPath);

    private ActionResult Claim(string token = Token, bool force = false) =>
        Harness.RunAction("claim-server", ("token", token), ("force", force));

    private void RunningUnclaimedPlex()
    {
        plex.Deploy();
        plex.PlexInitialises();
    }

    [Fact]
    public void Claim_exchanges_the_token_writes_it_restarts_plex_and_reports_the_server()
    {
        RunningUnclaimedPlex();

        var result = Claim();

        Assert.False(result.Failed, result.FailureMessage);
        Assert.Equal("true", result.Result("claimed"));
        Assert.Equal(PreferencesSamples.MachineIdentifier, result.Result("machine-identifier"));
        var request = Assert.Single(plex.PlexTv.Requests);
        Assert.Equal(PreferencesSamples.MachineIdentifier, request.Header("X-Plex-Client-Identifier"));
        Assert.Single(Harness.LastEvent.ServiceChanges, c => c.Restarts("plex"));
        Assert.Contains(plex.PlexServer.Requests, r => r.Path == "/identity");
        Assert.Equal(Status.Active(), Harness.UnitStatus);
    }

    [Fact]
    public void Claim_keeps_every_other_preference_and_writes_as_puid()
    {
        RunningUnclaimedPlex();
        var before = XDocument.Parse(Preferences).Root!.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value);

        Claim();

        var after = XDocument.Parse(Preferences).Root!.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value);
        Assert.Equal(FakePlexTv.AuthToken, after["PlexOnlineToken"]);
        after.Remove("PlexOnlineToken");
        Assert.Equal(before, after);
        var info = Assert.Single(plex.Plex.ListFiles(PlexWorkload.PreferencesPath, itself: true));
        Assert.Equal((1000, 1000, 0b110_000_000), (info.UserId, info.GroupId, info.Permissions));
    }

    [Theory]
    [InlineData("xxxxxxxxxxxxxxxxxxxx")]
    [InlineData("claim-")]
    [InlineData("token claim-abc")]
    public void Invalid_token_fails_without_asking_plex_tv(string token)
    {
        RunningUnclaimedPlex();

        var result = Claim(token);

        Assert.Equal("Invalid token. Get one from https://plex.tv/claim", result.FailureMessage);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Fact]
    public void Plex_without_preferences_yet_says_to_wait()
    {
        plex.Deploy();

        var result = Claim();

        Assert.Contains("Plex has not initialised yet", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Theory]
    [InlineData(-1, "puid -1 is not a valid user or group id")]
    [InlineData(1000, "mount_path '/config' would hide")]
    public void Claim_refuses_media_storage_data_the_reconciler_rejects_and_writes_nothing(int puid, string problem)
    {
        RunningUnclaimedPlex();
        var relation = Harness.GetRelationIds("media-storage")[0];
        var preferencesBefore = Preferences;
        Harness.UpdateRelationData(relation, "charmarr-storage", new Dictionary<string, string>
        {
            ["config"] = PlexHarness.StorageConfig(puid: puid, mountPath: puid < 0 ? "/data" : "/config"),
        });

        var result = Claim();

        Assert.True(result.Failed);
        Assert.Contains("media-storage", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(plex.PlexTv.Requests);
        Assert.Equal(preferencesBefore, Preferences);
    }

    [Fact]
    public void A_machine_identifier_with_a_control_character_fails_the_action_with_a_message()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.Unclaimed.Replace(PreferencesSamples.MachineIdentifier, "4f1c&#10;2d", StringComparison.Ordinal));

        var result = Claim();

        Assert.True(result.Failed);
        Assert.Contains("ProcessedMachineIdentifier holds characters that cannot be sent to plex.tv", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Fact]
    public void A_preferences_file_with_a_byte_order_mark_is_claimed_and_keeps_its_mark()
    {
        plex.Deploy();
        plex.PlexInitialises("\uFEFF" + PreferencesSamples.Unclaimed);

        var result = Claim();

        Assert.False(result.Failed, result.FailureMessage);
        Assert.Equal([0xEF, 0xBB, 0xBF], plex.Plex.ReadFile(PlexWorkload.PreferencesPath)[..3]);
    }

    [Fact]
    public void Plex_without_a_machine_identifier_yet_says_to_wait()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.NotInitialised);

        var result = Claim();

        Assert.Contains("no ProcessedMachineIdentifier yet", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Fact]
    public void Claimed_server_is_not_claimed_again_unless_forced()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.Claimed("old-server-token"));

        var refused = Claim();
        Assert.Contains("already claimed", refused.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("force=true", refused.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("old-server-token", Preferences, StringComparison.Ordinal);

        var forced = Claim(force: true);
        Assert.False(forced.Failed, forced.FailureMessage);
        Assert.Contains($"PlexOnlineToken=\"{FakePlexTv.AuthToken}\"", Preferences, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_online_token_counts_as_unclaimed()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.WithEmptyToken);

        var result = Claim();

        Assert.False(result.Failed, result.FailureMessage);
    }

    [Fact]
    public void Used_token_fails_saying_to_get_a_new_one()
    {
        RunningUnclaimedPlex();
        Claim();

        var again = Claim(force: true);

        Assert.Contains("refused the claim token (404)", again.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "refused the claim token (401)")]
    [InlineData(404, "refused the claim token (404)")]
    [InlineData(500, "failed to exchange the claim token (500)")]
    [InlineData(503, "failed to exchange the claim token (503)")]
    public void Plex_tv_refusal_fails_the_action_and_leaves_preferences_alone(int status, string message)
    {
        RunningUnclaimedPlex();
        var before = Preferences;
        plex.PlexTv.Answer("POST", FakePlexTv.ExchangePath, HttpFakeResponse.Xml(status, "<errors/>"));

        var result = Claim();

        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(before, Preferences);
        Assert.False(plex.PreferencesClaimed);
    }

    [Fact]
    public async Task Plex_tv_timeout_fails_the_action()
    {
        await using var slow = await PlexHarness.StartAsync(TimeSpan.FromMilliseconds(200));
        slow.PlexTv.FailAlways(HttpFault.Hang);
        slow.Deploy();
        slow.PlexInitialises();

        var result = slow.Harness.RunAction("claim-server", ("token", Token));

        Assert.Contains("plex.tv did not answer within 0.2 s", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Plex_that_never_reports_claimed_fails_after_the_bounded_wait()
    {
        RunningUnclaimedPlex();
        plex.PlexServer.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer claimed=\"0\"/>"));

        var result = Claim();

        Assert.Contains("did not report itself claimed", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_leader_refuses_and_points_at_the_leader()
    {
        plex.Deploy(leader: false);

        var result = Claim();

        Assert.Contains("Only the leader runs Plex", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(plex.PlexTv.Requests);
    }

    [Fact]
    public void Claim_token_and_server_token_appear_nowhere_the_charm_writes()
    {
        var server = Harness.AddRelation("media-server", "overseerr");
        var ingress = Harness.AddRelation("ingress", "istio-ingress");
        RunningUnclaimedPlex();
        var failed = Claim("claim-WrongTokenForPlexTv123"); // plex.tv refuses it: the failure path too
        var claimed = Claim();
        Harness.EvaluateStatus();

        var places = new List<(string Where, string Text)>();
        places.AddRange(Harness.Logs.Select(l => ("log", l.Message)));
        places.AddRange(Harness.Backend.UnitState.Select(kv => ("stored state", kv.Key + "=" + kv.Value)));
        foreach (var (id, owner) in new[] { (server, "plex"), (server, "overseerr"), (ingress, "plex"), (ingress, "istio-ingress") })
        {
            places.AddRange(Harness.GetRelationData(id, owner).Select(kv => ("relation bag", kv.Key + "=" + kv.Value)));
        }

        places.AddRange(Harness.GetRelationData(Harness.GetRelationIds("media-storage")[0], "plex").Select(kv => ("relation bag", kv.Value)));
        places.Add(("plan", plex.Plex.PlanYaml));
        places.AddRange(plex.Plex.LayerLabels.Select(label => ("layer label", label)));
        foreach (var result in new[] { failed, claimed })
        {
            places.Add(("action results", result.Results.ToJsonString()));
            places.AddRange(result.Logs.Select(l => ("action log", l)));
            places.Add(("action failure", result.FailureMessage ?? ""));
        }

        places.AddRange(Harness.HookFailures.Select(f => ("hook failure", f.ToString())));
        places.AddRange(Harness.UnitStatusHistory.Select(s => ("status", s.Message)));

        Assert.True(claimed.Result("claimed") == "true", claimed.FailureMessage);
        Assert.NotEmpty(failed.FailureMessage!);
        foreach (var secret in new[] { Token, "claim-WrongTokenForPlexTv123", FakePlexTv.AuthToken })
        {
            Assert.DoesNotContain(places, p => p.Text.Contains(secret, StringComparison.Ordinal));
        }

        // The one place the server token belongs.
        Assert.Contains(FakePlexTv.AuthToken, Preferences, StringComparison.Ordinal);
    }
}
