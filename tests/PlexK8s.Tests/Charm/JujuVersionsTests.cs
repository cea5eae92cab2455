using System.Text.Json.Nodes;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing;
using Charmarr.Ops.Testing.Http;
using Charmarr.PlexK8s.Tests.Fakes;
using Charmarr.PlexK8s.Tests.Workload;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>
/// plex-k8s's deploy story under Juju 3.6 and 4.x emulation: 4.x has no leader-get/leader-set, no private-address in
/// unit bags, action schemas default additionalProperties to false, and opaque secret ids. The charm must not notice.
/// </summary>
public sealed class JujuVersionsTests
{
    private const string Token = "claim-JujuVersionsTok3n";

    public static TheoryData<string> Versions => ["3.6.4", "4.0.16"];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Deploy_relate_start_and_claim_reach_active(string jujuVersion)
    {
        await using var plex = await PlexHarness.StartAsync(jujuVersion: jujuVersion);
        plex.PlexTv.Exchanging(Token);
        var server = plex.Harness.AddRelation("media-server", "overseerr");

        plex.Deploy();
        plex.Harness.AddRelationUnit(server, "overseerr/0");
        plex.PlexInitialises();
        var unclaimed = plex.Harness.UnitStatus;
        var claim = plex.Harness.RunAction("claim-server", ("token", Token));

        Assert.Equal(jujuVersion, plex.Harness.Backend.JujuVersion.ToString());
        Assert.StartsWith("Unclaimed", unclaimed.Message, StringComparison.Ordinal);
        Assert.False(claim.Failed, claim.FailureMessage);
        Assert.Equal(Status.Active(), plex.Harness.UnitStatus);
        Assert.Equal([Port.Tcp(32400)], plex.Harness.OpenedPorts);
        Assert.Equal(PlexHarness.InternalUrl, (string?)JsonNode.Parse(plex.Harness.GetRelationData(server, "plex")["config"])!["api_url"]);
        Assert.Equal(jujuVersion.StartsWith("3.", StringComparison.Ordinal), plex.Harness.Backend.GetRemoteUnitData(server, "overseerr/0").ContainsKey("private-address"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Claim_server_refuses_an_undeclared_parameter_on_every_Juju(string jujuVersion)
    {
        // claim-server declares additionalProperties: false, so 3.6's permissive default never applies to it.
        await using var plex = await PlexHarness.StartAsync(jujuVersion: jujuVersion);
        plex.Deploy();

        var ex = Assert.Throws<ArgumentException>(() => plex.Harness.RunAction("claim-server", ("token", Token), ("colour", "red")));

        Assert.Contains("has no parameter \"colour\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task The_state_transition_API_claims_under_either_Juju(string jujuVersion)
    {
        await using var plex = await PlexScenario.StartAsync(jujuVersion);
        plex.PlexTv.Exchanging(Token);
        plex.PlexServer.Answer("GET", "/identity", HttpFakeResponse.Xml(200, "<MediaContainer claimed=\"1\"/>"));
        var state = PlexScenario.RunningLeader(PreferencesSamples.Unclaimed);

        var output = plex.Context.Run(plex.Context.On.Action("claim-server", ("token", Token)), state);

        Assert.False(output.Failed, output.FailureMessage);
        Assert.Equal(Status.Active(), output.State.UnitStatus);
    }
}
