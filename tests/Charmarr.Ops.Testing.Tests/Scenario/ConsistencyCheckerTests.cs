using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.Ops.Testing.Tests.Harness;

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
        var state = new CharmState
        {
            Config = new Dictionary<string, object> { ["colour"] = "red", ["replicas"] = "three" },
            Relations =
            [
                new RelationState("cache") { Id = 1 },
                new RelationState("peers") { Id = 2 },
                new PeerRelationState("db") { Id = 2 },
                new RelationState("db") { Id = 3, LocalAppData = new Dictionary<string, string> { ["k"] = "v" } },
            ],
            Containers = [new ContainerState("sidecar")],
            Storages = [new StorageState("cache")],
        };

        var error = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.ConfigChanged(), state));

        Assert.Equal(
            [
                "unknown config option \"colour\" (charmcraft.yaml declares: debug, mode, ratio, replicas)",
                "config option \"replicas\" is of type int, got string \"three\"",
                "relation cache:1: endpoint \"cache\" is not declared (endpoints: db, peers)",
                "relation peers:2: \"peers\" is a peer endpoint; use PeerRelationState, not RelationState",
                "relation db:2: \"db\" is a requires endpoint; use RelationState, not PeerRelationState",
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
    public void Checks_must_be_declared_in_a_layer_and_check_events_must_match_their_state()
    {
        var web = new ContainerState("web") { CanConnect = true, Layers = [new Layer("checks", PebbleLayer.Parse(AliveCheck))] };
        var undeclared = web.WithCheck("no-such-check", CheckState.Passing);

        var inState = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.UpdateStatus(), new CharmState { Containers = [undeclared] }));
        var inEvent = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.PebbleCheckFailed(web, "no-such-check"), new CharmState { Containers = [web] }));
        var stopped = web.WithCheck("alive", CheckState.Inactive);
        var contradiction = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.PebbleCheckFailed(stopped, "alive"), new CharmState { Containers = [stopped] }));

        Assert.Equal(["container \"web\": check \"no-such-check\" is in Checks but in none of its layers (checks: alive)"], inState.Problems);
        Assert.Equal(["event web-pebble-check-failed: check \"no-such-check\" is in none of container \"web\"'s layers (checks: alive)"], inEvent.Problems);
        Assert.Equal(["event web-pebble-check-failed: check \"alive\" is inactive in the state; a check that does not run neither fails nor recovers"], contradiction.Problems);
        Assert.Empty(log.Events);
    }

    internal const string AliveCheck = "checks:\n  alive:\n    override: replace\n    threshold: 2\n    exec:\n      command: \"true\"\n";

    [Fact]
    public void Events_must_name_objects_of_the_state()
    {
        var db = new RelationState("db");
        var web = new ContainerState("web");
        var stateWithout = new CharmState { Containers = [web] };

        var relation = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationChanged(db, 0), stateWithout));
        var pebble = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.PebbleReady(web), stateWithout));
        var storage = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.StorageAttached(new StorageState("data")), stateWithout));
        var secret = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretChanged(new SecretState(new Dictionary<string, string> { ["a"] = "b" })), stateWithout));

        Assert.Equal($"event db-relation-changed: relation db:{db.Id} is not in the state", Assert.Single(relation.Problems));
        Assert.Contains("container \"web\" cannot connect, but Juju sends Pebble events only when Pebble is up; set CanConnect = true", Assert.Single(pebble.Problems), StringComparison.Ordinal);
        Assert.Equal("event data-storage-attached: storage data/0 is not in the state", Assert.Single(storage.Problems));
        Assert.Contains("is not in the state", Assert.Single(secret.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_units_must_exist_and_departed_needs_a_departing_unit()
    {
        var db = new RelationState("db") { RemoteUnitsData = ValueMap<int, ValueMap<string, string>>.Empty };
        var state = new CharmState { Relations = [db] };

        var unknown = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationChanged(db, 4), state));
        var departed = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.RelationDeparted(db), state));

        Assert.Equal($"event db-relation-changed: remote unit 4 is not in relation {db.Id} (units: none)", Assert.Single(unknown.Problems));
        Assert.Equal($"event db-relation-departed: relation-departed needs a remote unit; relation {db.Id} has 0, so name one", Assert.Single(departed.Problems));
    }

    [Fact]
    public void Peer_data_of_this_unit_and_secret_events_for_the_wrong_side_are_refused()
    {
        var peers = new PeerRelationState("peers").WithPeer(0);
        var consumed = new SecretState(new Dictionary<string, string> { ["a"] = "b" });
        var owned = new SecretState(new Dictionary<string, string> { ["a"] = "b" }) { Owner = Ops.Model.SecretOwner.Unit };
        var state = new CharmState { Relations = [peers], Secrets = [consumed, owned] };

        var rotate = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretRotate(consumed), state));
        var changed = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.SecretChanged(owned), state));

        Assert.Contains($"relation peers:{peers.Id}: PeersData holds unit 0, which is this unit; list only the other units", rotate.Problems);
        Assert.Contains($"event secret-rotate: secret {consumed.Id} is owned by another application; Juju sends secret-rotate to its owner only", rotate.Problems);
        Assert.Contains($"event secret-changed: secret {owned.Id} is owned by this unit; Juju sends secret-changed to consumers only", changed.Problems);
    }

    [Fact]
    public void Action_parameters_are_checked_against_the_schema()
    {
        var error = Assert.Throws<InconsistentStateException>(() => ctx.Run(ctx.On.Action("sum", ("b", "two")), new CharmState()));

        Assert.Equal(
            ["action \"sum\" needs parameter \"a\"", "parameter \"b\" of action \"sum\" must be integer, got string \"two\""],
            error.Problems);
    }
}
