using Charmarr.Ops.Testing.Scenario;
using Charmarr.Ops.Testing.Tests.Harness;
using ScenarioRelation = Charmarr.Ops.Testing.Scenario.Relation;
using ScenarioState = Charmarr.Ops.Testing.Scenario.State;

namespace Charmarr.Ops.Testing.Tests.Scenario;

/// <summary>The checker refuses inputs Juju cannot produce, naming every problem before anything runs.</summary>
public sealed class ConsistencyCheckerTests
{
    private readonly ProbeLog log = new();
    private readonly Context<ProbeCharm> ctx;

    public ConsistencyCheckerTests()
    {
        ctx = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log));
    }

    [Fact]
    public void Every_problem_of_the_state_is_listed_and_nothing_runs()
    {
        var state = new ScenarioState
        {
            Config = new Dictionary<string, object> { ["colour"] = "red", ["replicas"] = "three" },
            Relations =
            [
                new ScenarioRelation("cache") { Id = 1 },
                new ScenarioRelation("peers") { Id = 2 },
                new PeerRelation("db") { Id = 2 },
                new ScenarioRelation("db") { Id = 3, LocalAppData = new Dictionary<string, string> { ["k"] = "v" } },
            ],
            Containers = [new Container("sidecar")],
            Storages = [new Storage("cache")],
        };

        var error = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.ConfigChanged(), state));

        Assert.Equal(
            [
                "unknown config option \"colour\" (charmcraft.yaml declares: debug, mode, ratio, replicas)",
                "config option \"replicas\" is of type int, got string \"three\"",
                "relation cache:1: endpoint \"cache\" is not declared (endpoints: db, peers)",
                "relation peers:2: \"peers\" is a peer endpoint; use PeerRelation, not Relation",
                "relation db:2: \"db\" is a requires endpoint; use Relation, not PeerRelation",
                "relation db:3: a non-leader cannot read or write its application's databag on a regular relation, so LocalAppData must be empty (or set Leader = true)",
                "relation id \"2\" appears 2 times",
                "container \"sidecar\" is not declared (containers: web)",
                "storage \"cache\" is not declared (storage: data)",
            ],
            error.Problems);
        Assert.StartsWith("cannot run config-changed: the input could not happen in Juju (9 problems):", error.Message, StringComparison.Ordinal);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void Events_must_name_objects_of_the_state()
    {
        var db = new ScenarioRelation("db");
        var web = new Container("web");
        var stateWithout = new ScenarioState { Containers = [web] };

        var relation = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationChanged(db, 0), stateWithout));
        var pebble = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.PebbleReady(web), stateWithout));
        var storage = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.StorageAttached(new Storage("data")), stateWithout));
        var secret = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretChanged(new Secret(new Dictionary<string, string> { ["a"] = "b" })), stateWithout));

        Assert.Equal($"event db-relation-changed: relation db:{db.Id} is not in the state", Assert.Single(relation.Problems));
        Assert.Contains("container \"web\" cannot connect, but Juju sends Pebble events only when Pebble is up; set CanConnect = true", Assert.Single(pebble.Problems), StringComparison.Ordinal);
        Assert.Equal("event data-storage-attached: storage data/0 is not in the state", Assert.Single(storage.Problems));
        Assert.Contains("is not in the state", Assert.Single(secret.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_units_must_exist_and_departed_needs_a_departing_unit()
    {
        var db = new ScenarioRelation("db") { RemoteUnitsData = ValueMap<int, ValueMap<string, string>>.Empty };
        var state = new ScenarioState { Relations = [db] };

        var unknown = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationChanged(db, 4), state));
        var departed = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationDeparted(db), state));

        Assert.Equal($"event db-relation-changed: remote unit 4 is not in relation {db.Id} (units: none)", Assert.Single(unknown.Problems));
        Assert.Equal($"event db-relation-departed: relation-departed needs a remote unit; relation {db.Id} has 0, so name one", Assert.Single(departed.Problems));
    }

    [Fact]
    public void Peer_data_of_this_unit_and_secret_events_for_the_wrong_side_are_refused()
    {
        var peers = new PeerRelation("peers") { PeersData = new Dictionary<int, ValueMap<string, string>> { [0] = ValueMap<string, string>.Empty } };
        var consumed = new Secret(new Dictionary<string, string> { ["a"] = "b" });
        var owned = new Secret(new Dictionary<string, string> { ["a"] = "b" }) { Owner = Ops.Model.SecretOwner.Unit };
        var state = new ScenarioState { Relations = [peers], Secrets = [consumed, owned] };

        var rotate = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretRotate(consumed), state));
        var changed = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretChanged(owned), state));

        Assert.Contains($"relation peers:{peers.Id}: PeersData holds unit 0, which is this unit; list only the other units", rotate.Problems);
        Assert.Contains($"event secret-rotate: secret {consumed.Id} is owned by another application; Juju sends secret-rotate to its owner only", rotate.Problems);
        Assert.Contains($"event secret-changed: secret {owned.Id} is owned by this unit; Juju sends secret-changed to consumers only", changed.Problems);
    }

    [Fact]
    public void Action_parameters_are_checked_against_the_schema()
    {
        var error = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.Action("sum", ("b", "two")), new ScenarioState()));

        Assert.Equal(
            ["action \"sum\" needs parameter \"a\"", "parameter \"b\" of action \"sum\" must be integer, got string \"two\""],
            error.Problems);
    }
}
