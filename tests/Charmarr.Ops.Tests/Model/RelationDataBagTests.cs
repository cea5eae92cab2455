using Charmarr.Ops.Model;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Model;

/// <summary>Juju's databag access rules (ops.md §4.3) and change-only writes.</summary>
public sealed class RelationDataBagTests
{
    private const int DbId = 3;
    private const int PeerId = 5;
    private readonly FakeJujuBackend _backend = new();

    public RelationDataBagTests()
    {
        _backend.RelationIds["db"] = [DbId];
        _backend.RelationUnits[DbId] = ["postgresql/0", "postgresql/1"];
        _backend.RelationIds["cluster"] = [PeerId];
        _backend.RelationUnits[PeerId] = ["plex/1"];
        _backend.SetBag(DbId, "plex/0", false, new() { ["host"] = "10.0.0.1" });
        _backend.SetBag(DbId, "plex", true, new() { ["database"] = "plex" });
        _backend.SetBag(DbId, "postgresql/0", false, new() { ["ready"] = "yes" });
        _backend.SetBag(DbId, "postgresql", true, new() { ["password"] = "s3cret" });
        _backend.SetBag(PeerId, "plex", true, new() { ["token"] = "abc" });
        _backend.SetBag(PeerId, "plex/1", false, new() { ["address"] = "10.0.0.2" });
    }

    private Relation Db(bool leader = false)
    {
        _backend.Leader = leader;
        return TestModels.Model(_backend).Relations.GetSingle("db")!;
    }

    private Relation Peer(bool leader = false)
    {
        _backend.Leader = leader;
        return TestModels.Model(_backend).Relations.GetSingle("cluster")!;
    }

    [Fact]
    public void Own_unit_bag_is_readable_and_writable()
    {
        var bag = Db().LocalUnitData;
        Assert.Equal("10.0.0.1", bag["host"]);
        bag.Set("port", "5432");
        var set = Assert.Single(_backend.RelationSets);
        Assert.Equal("db", set.Endpoint);
        Assert.Equal(DbId, set.Id);
        Assert.False(set.IsApp);
        Assert.Equal(new Dictionary<string, string> { ["port"] = "5432" }, set.Changes);
        Assert.Equal("5432", bag["port"]);
    }

    [Fact]
    public void Own_unit_bag_by_identity_is_the_same_writable_bag()
    {
        var relation = Db();
        var bag = relation.UnitData(new Unit(TestModels.UnitName));
        Assert.Same(relation.LocalUnitData, bag);
        bag.Set("port", "1");
        Assert.Single(_backend.RelationSets);
    }

    [Fact]
    public void Remote_unit_bag_is_readable_but_write_is_refused()
    {
        var bag = Db().UnitData(new Unit("postgresql/0"));
        Assert.Equal("yes", bag["ready"]);
        var ex = Assert.Throws<RelationDataAccessException>(() => bag.Set("ready", "no"));
        Assert.Contains("postgresql/0", ex.Message);
        Assert.Empty(_backend.RelationSets);
    }

    [Fact]
    public void Remote_app_bag_is_readable_but_write_is_refused_even_for_the_leader()
    {
        var bag = Db(leader: true).RemoteAppData;
        Assert.Equal("postgresql", bag.Owner);
        Assert.True(bag.IsApp);
        Assert.Equal("s3cret", bag["password"]);
        var ex = Assert.Throws<RelationDataAccessException>(() => bag.Set("password", "x"));
        Assert.Contains("remote application postgresql", ex.Message);
        Assert.Empty(_backend.RelationSets);
    }

    [Fact]
    public void Own_app_bag_as_leader_is_readable_and_writable()
    {
        var bag = Db(leader: true).LocalAppData;
        Assert.Equal("plex", bag["database"]);
        bag.Set("user", "plex-user");
        var set = Assert.Single(_backend.RelationSets);
        Assert.True(set.IsApp);
        Assert.Equal(new Dictionary<string, string> { ["user"] = "plex-user" }, set.Changes);
    }

    [Fact]
    public void Own_app_bag_as_non_leader_on_a_regular_relation_cannot_be_read()
    {
        var bag = Db(leader: false).LocalAppData;
        var ex = Assert.Throws<RelationDataAccessException>(() => bag.Get("database"));
        Assert.Contains("not the leader", ex.Message);
        Assert.Equal(0, _backend.CallCount("relation-get"));
    }

    [Fact]
    public void Own_app_bag_as_non_leader_on_a_regular_relation_cannot_be_written()
    {
        var bag = Db(leader: false).LocalAppData;
        var ex = Assert.Throws<RelationDataAccessException>(() => bag.Set("database", "other"));
        Assert.Contains("not the leader", ex.Message);
        Assert.Empty(_backend.RelationSets);
    }

    [Fact]
    public void Peer_app_bag_as_non_leader_is_readable_but_not_writable()
    {
        var bag = Peer(leader: false).LocalAppData;
        Assert.Equal("abc", bag["token"]);
        Assert.Throws<RelationDataAccessException>(() => bag.Set("token", "def"));
        Assert.Empty(_backend.RelationSets);
    }

    [Fact]
    public void Peer_app_bag_as_leader_is_writable()
    {
        var bag = Peer(leader: true).LocalAppData;
        bag.Set("token", "def");
        Assert.Equal("def", Assert.Single(_backend.RelationSets).Changes["token"]);
    }

    [Fact]
    public void Peer_unit_bag_of_another_unit_is_readable_but_not_writable()
    {
        var relation = Peer();
        var bag = relation.UnitData(relation.Units[0]);
        Assert.Equal("10.0.0.2", bag["address"]);
        Assert.Throws<RelationDataAccessException>(() => bag.Remove("address"));
    }

    [Fact]
    public void Peer_remote_app_is_this_application()
    {
        var relation = Peer(leader: true);
        Assert.Equal(new Application("plex"), relation.RemoteApp);
        Assert.True(relation.IsPeer);
    }

    [Fact]
    public void Update_sends_only_changed_keys_in_one_call()
    {
        var bag = Db().LocalUnitData;
        bag.Update(new Dictionary<string, string?> { ["host"] = "10.0.0.1", ["port"] = "5432", ["user"] = "plex" });
        var set = Assert.Single(_backend.RelationSets);
        Assert.Equal(new Dictionary<string, string> { ["port"] = "5432", ["user"] = "plex" }, set.Changes);
        Assert.Equal(1, _backend.CallCount("relation-set"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_or_null_value_deletes_the_key(string? value)
    {
        var bag = Db().LocalUnitData;
        bag.Update(new Dictionary<string, string?> { ["host"] = value });
        Assert.Equal(new Dictionary<string, string> { ["host"] = "" }, Assert.Single(_backend.RelationSets).Changes);
        Assert.False(bag.ContainsKey("host"));
        Assert.Null(bag.Get("host"));
    }

    [Fact]
    public void Remove_deletes_with_an_empty_value()
    {
        var bag = Db().LocalUnitData;
        bag.Remove("host");
        Assert.Equal("", Assert.Single(_backend.RelationSets).Changes["host"]);
        Assert.Empty(bag);
    }

    [Fact]
    public void Nothing_is_sent_when_nothing_changes()
    {
        var bag = Db().LocalUnitData;
        bag.Set("host", "10.0.0.1");
        bag.Remove("absent");
        bag.Update(new Dictionary<string, string?> { ["host"] = "10.0.0.1", ["other"] = "" });
        bag.Update(new Dictionary<string, string?>());
        Assert.Empty(_backend.RelationSets);
        Assert.Equal(0, _backend.CallCount("relation-set"));
    }

    [Fact]
    public void Bag_is_read_once_and_writes_update_the_cache()
    {
        var bag = Db().LocalUnitData;
        _ = bag["host"];
        bag.Set("port", "1");
        bag.Set("port", "2");
        Assert.Equal("2", bag["port"]);
        Assert.Equal(1, _backend.CallCount("relation-get"));
        Assert.Equal(2, _backend.CallCount("relation-set"));
    }

    [Fact]
    public void Empty_key_is_refused()
    {
        var bag = Db().LocalUnitData;
        Assert.Throws<ArgumentException>(() => bag.Set("", "x"));
        Assert.Empty(_backend.RelationSets);
    }
}
