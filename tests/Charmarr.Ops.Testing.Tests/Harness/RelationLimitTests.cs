using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Scenario;

namespace Charmarr.Ops.Testing.Tests.Harness;

/// <summary>An endpoint's <c>limit</c>, which Juju enforces at <c>juju integrate</c>: both test APIs refuse the relation
/// beyond it; and what <c>AddRelation</c> emits for each kind of initial data, as its README says.</summary>
public sealed class RelationLimitTests : IDisposable
{
    private readonly ProbeLog log = new();
    private readonly Harness<ProbeCharm> harness;

    public RelationLimitTests()
    {
        harness = new Harness<ProbeCharm>(LimitedMetadata(), ProbeCharm.Configure(log));
    }

    [Fact]
    public void The_harness_refuses_a_second_relation_on_a_limit_1_endpoint_with_Jujus_message_and_emits_nothing()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "pg");
        var before = log.Events.Count;

        var error = Assert.Throws<InvalidOperationException>(() => harness.AddRelation("db", "mysql"));

        Assert.Equal(
            $"establishing a new relation for probe:db would exceed its maximum relation limit of 1 (quota limit exceeded): Juju refuses it; remove relation {db} first",
            error.Message);
        Assert.Equal([db], harness.GetRelationIds("db"));
        Assert.Equal(before, log.Events.Count);
    }

    [Fact]
    public void The_harness_refuses_it_before_begin_too()
    {
        harness.AddRelation("db", "pg");

        Assert.Throws<InvalidOperationException>(() => harness.AddRelation("db", "pg2"));
    }

    [Fact]
    public void Once_the_relation_is_removed_the_endpoint_accepts_a_new_one()
    {
        harness.Begin();
        var first = harness.AddRelation("db", "pg");
        harness.RemoveRelation(first);

        var second = harness.AddRelation("db", "mysql");

        Assert.Equal([second], harness.GetRelationIds("db"));
    }

    [Fact]
    public void An_endpoint_without_a_limit_takes_any_number_of_relations()
    {
        using var unlimited = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()));
        unlimited.Begin();

        unlimited.AddRelation("db", "pg");
        unlimited.AddRelation("db", "mysql");

        Assert.Equal(2, unlimited.GetRelationIds("db").Count);
    }

    [Fact]
    public void A_state_with_more_relations_on_an_endpoint_than_its_limit_is_inconsistent()
    {
        var ctx = new Context<ProbeCharm>(LimitedMetadata(), ProbeCharm.Configure(log));
        var state = new CharmState { Relations = [new RelationState("db") { Id = 1 }, new RelationState("db") { Id = 2, RemoteAppName = "mysql" }] };

        var error = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.ConfigChanged(), state));

        Assert.Equal(
            "endpoint \"db\" has 2 relations but its limit is 1: Juju refuses the relation beyond it (quota limit exceeded)",
            Assert.Single(error.Problems));
        Assert.Empty(log.Events);
    }

    [Fact]
    public void A_state_with_as_many_relations_as_the_limit_runs()
    {
        var ctx = new Context<ProbeCharm>(LimitedMetadata(), ProbeCharm.Configure(log));

        ctx.Run(ctx.On.ConfigChanged(), new CharmState { Relations = [new RelationState("db")] });

        Assert.Equal(["config-changed"], log.Events);
    }

    [Fact]
    public void Add_relation_with_app_data_only_emits_created_and_changed_but_no_joined()
    {
        harness.Begin();

        harness.AddRelation("db", "pg", appData: new Dictionary<string, string> { ["a"] = "1" });

        Assert.Equal(["db-relation-created", "db-relation-changed"], log.Events);
    }

    [Fact]
    public void Add_relation_with_unit_data_has_unit_0_join()
    {
        harness.Begin();

        harness.AddRelation("db", "pg", unitData: new Dictionary<string, string> { ["u"] = "1" });

        Assert.Equal(["db-relation-created", "db-relation-joined(pg/0)", "db-relation-changed(pg/0)"], log.Events);
    }

    public void Dispose() => harness.Dispose();

    private static CharmMetadata LimitedMetadata() =>
        CharmMetadata.ParseCharmcraft(ProbeCharm.Metadata.Replace("    interface: probe_db\n", "    interface: probe_db\n    limit: 1\n", StringComparison.Ordinal));
}
