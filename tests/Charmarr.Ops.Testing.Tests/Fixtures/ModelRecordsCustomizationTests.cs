using AutoFixture;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.Ops.Testing.Tests.Harness;

namespace Charmarr.Ops.Testing.Tests.Fixtures;

/// <summary>The generated records are ones Juju could hold: the consistency checker accepts them and the charm runs on them.</summary>
public sealed class ModelRecordsCustomizationTests
{
    [Theory]
    [AutoCharmData(typeof(ProbeCharm))]
    public void A_generated_state_is_consistent_for_the_charm_and_runs(CharmState state)
    {
        var ctx = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()));

        var output = ctx.Run(ctx.On.UpdateStatus(), state);

        Assert.Equal(state.Relations, output.Relations);
        Assert.Equal(["db", "peers"], state.Relations.Select(r => r.Endpoint));
        Assert.Equal("web", Assert.Single(state.Containers).Name);
    }

    [Theory]
    [AutoCharmData]
    public void Generated_relations_have_distinct_ids_and_juju_style_unit_bags(RelationState first, RelationState second, PeerRelationState peers)
    {
        Assert.NotEqual(first.Id, second.Id);
        Assert.All(first.RemoteAppData.Keys.Concat(first.RemoteUnitsData[0].Keys), key => Assert.Matches("^[a-z](?:-?[a-z0-9]){2,}$", key));
        Assert.DoesNotContain(0, peers.PeersData.Keys);
    }

    [Fact]
    public void Generated_secret_content_is_accepted_by_the_in_memory_model()
    {
        var fixture = new Fixture().Customize(new ModelRecordsCustomization());
        var secret = fixture.Create<SecretState>();
        var backend = new Testing.Juju.MemoryJujuBackend("app/0");

        var id = backend.AddRemoteSecret(secret.TrackedContent);

        Assert.Equal(secret.TrackedContent, new ValueMap<string, string>(backend.GetSecretContent(id)));
    }
}
