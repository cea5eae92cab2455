using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Model;

/// <summary>What the model asks Juju, and how often; look-ups of names the metadata does not declare.</summary>
public sealed class CharmModelTests
{
    private readonly FakeJujuBackend _backend = new();

    [Fact]
    public void Leadership_is_asked_once_per_model()
    {
        _backend.Leader = true;
        var model = TestModels.Model(_backend);
        Assert.True(model.Unit.IsLeader);
        _backend.Leader = false;
        Assert.True(model.Unit.IsLeader);
        model.App.Status = Status.Active();
        Assert.Equal(1, _backend.CallCount("is-leader"));

        var next = TestModels.Model(_backend);
        Assert.False(next.Unit.IsLeader);
        Assert.Equal(2, _backend.CallCount("is-leader"));
    }

    [Fact]
    public void Nothing_is_asked_until_used()
    {
        _ = TestModels.Model(_backend);
        Assert.Empty(_backend.Calls);
    }

    [Fact]
    public void Relation_ids_are_read_once_per_endpoint()
    {
        _backend.RelationIds["db"] = [1, 2];
        _backend.RelationIds["website"] = [4];
        var model = TestModels.Model(_backend);
        Assert.Equal([1, 2], model.Relations.Get("db").Select(r => r.Id));
        Assert.Equal([1, 2], model.Relations.Get("db").Select(r => r.Id));
        _ = model.Relations.Get("db", 2);
        Assert.Equal(1, _backend.CallCount("relation-ids"));
        _ = model.Relations.Get("website");
        Assert.Equal(2, _backend.CallCount("relation-ids"));
    }

    [Fact]
    public void Same_relation_id_gives_the_same_relation_object()
    {
        _backend.RelationIds["db"] = [1];
        var model = TestModels.Model(_backend);
        Assert.Same(model.Relations.Get("db")[0], model.Relations.Get("db", 1));
    }

    [Fact]
    public void Relation_being_broken_is_left_out_of_Get()
    {
        _backend.RelationIds["db"] = [1, 2];
        var model = TestModels.Model(_backend, TestModels.Context("db-relation-broken", relationId: 2, remoteApp: "postgresql"));
        var only = Assert.Single(model.Relations.Get("db"));
        Assert.Equal(1, only.Id);
        Assert.True(only.IsActive);

        var broken = model.Relations.Get("db", 2);
        Assert.False(broken.IsActive);
        Assert.Equal(new Application("postgresql"), broken.RemoteApp);
        Assert.Empty(broken.Units);
        Assert.Equal(0, _backend.CallCount("relation-list"));
    }

    [Fact]
    public void Relation_in_other_hooks_is_not_excluded()
    {
        _backend.RelationIds["db"] = [2];
        var model = TestModels.Model(_backend, TestModels.Context("db-relation-changed", relationId: 2));
        Assert.Single(model.Relations.Get("db"));
    }

    [Fact]
    public void Relation_not_listed_by_juju_is_inactive()
    {
        _backend.RelationIds["db"] = [1];
        var model = TestModels.Model(_backend);
        Assert.False(model.Relations.Get("db", 9).IsActive);
    }

    [Fact]
    public void GetSingle_with_no_relation_is_null()
    {
        Assert.Null(TestModels.Model(_backend).Relations.GetSingle("db"));
    }

    [Fact]
    public void GetSingle_with_one_relation_returns_it()
    {
        _backend.RelationIds["db"] = [7];
        Assert.Equal(7, TestModels.Model(_backend).Relations.GetSingle("db")!.Id);
    }

    [Fact]
    public void GetSingle_with_two_relations_is_refused()
    {
        _backend.RelationIds["db"] = [7, 8];
        var ex = Assert.Throws<TooManyRelatedAppsException>(() => TestModels.Model(_backend).Relations.GetSingle("db"));
        Assert.Contains("'db'", ex.Message);
        Assert.Contains("2", ex.Message);
    }

    [Fact]
    public void All_lists_relations_of_every_endpoint()
    {
        _backend.RelationIds["db"] = [1];
        _backend.RelationIds["cluster"] = [2];
        var all = TestModels.Model(_backend).Relations.All();
        Assert.Equal([1, 2], all.Select(r => r.Id).Order());
    }

    [Fact]
    public void Remote_app_comes_from_the_first_remote_unit()
    {
        _backend.RelationIds["db"] = [1];
        _backend.RelationUnits[1] = ["postgresql/3"];
        var relation = TestModels.Model(_backend).Relations.GetSingle("db")!;
        Assert.Equal(new Application("postgresql"), relation.RemoteApp);
        Assert.Equal([new Unit("postgresql/3")], relation.Units);
        Assert.Equal(0, _backend.CallCount("relation-list --app"));
    }

    [Fact]
    public void Remote_app_without_units_is_asked_with_relation_list_app()
    {
        _backend.RelationIds["db"] = [1];
        _backend.RelationRemoteApps[1] = "postgresql";
        var relation = TestModels.Model(_backend).Relations.GetSingle("db")!;
        Assert.Equal(new Application("postgresql"), relation.RemoteApp);
        Assert.Equal(new Application("postgresql"), relation.RemoteApp);
        Assert.Equal(1, _backend.CallCount("relation-list --app"));
    }

    [Fact]
    public void Unknown_endpoint_is_refused_naming_it()
    {
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<KeyNotFoundException>(() => model.Relations.Get("dbx"));
        Assert.Contains("'dbx'", ex.Message);
        Assert.Contains("'dbx'", Assert.Throws<KeyNotFoundException>(() => model.Relations.Get("dbx", 1)).Message);
        Assert.Contains("'dbx'", Assert.Throws<KeyNotFoundException>(() => model.Relations.GetSingle("dbx")).Message);
        Assert.Empty(_backend.Calls);
    }

    [Fact]
    public void Unknown_container_is_refused_naming_it()
    {
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<KeyNotFoundException>(() => model.Unit.GetContainer("plexx"));
        Assert.Contains("'plexx'", ex.Message);
        Assert.Equal("plex", model.Unit.GetContainer("plex").Name);
        Assert.Equal("/charm/containers/plex/pebble.socket", model.Unit.GetContainer("plex").PebbleSocketPath);
    }

    [Fact]
    public void Unknown_storage_is_refused_naming_it()
    {
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<KeyNotFoundException>(() => model.Storages.Get("media"));
        Assert.Contains("'media'", ex.Message);
        Assert.Contains("'media'", Assert.Throws<KeyNotFoundException>(() => model.Storages.Request("media")).Message);
        Assert.Empty(_backend.Calls);
    }

    [Fact]
    public void Storage_instances_are_listed_and_located_lazily()
    {
        _backend.StorageIds["data"] = ["data/0", "data/2"];
        var storages = TestModels.Model(_backend).Storages.Get("data");
        Assert.Equal(["data/0", "data/2"], storages.Select(s => s.Id));
        Assert.Equal(2, storages[1].Index);
        Assert.Equal(0, _backend.CallCount("storage-get"));
        Assert.Equal("/srv/data/2", storages[1].Location);
        Assert.Equal("filesystem", storages[1].Kind);
        Assert.Equal(1, _backend.CallCount("storage-get"));
    }

    [Fact]
    public void Unknown_config_option_is_refused_naming_it()
    {
        var model = TestModels.Model(_backend);
        var ex = Assert.Throws<KeyNotFoundException>(() => model.Config.GetInt("prot"));
        Assert.Contains("'prot'", ex.Message);
    }

    [Fact]
    public void Unknown_resource_and_binding_are_refused_naming_them()
    {
        var model = TestModels.Model(_backend);
        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => model.FetchResource("nope")).Message);
        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => model.GetNetwork("nope")).Message);
    }

    [Fact]
    public void Model_name_uuid_and_version_come_from_the_context()
    {
        var model = TestModels.Model(_backend);
        Assert.Equal("media", model.Name);
        Assert.Equal("00000000-0000-0000-0000-000000000001", model.Uuid);
        Assert.Equal("plex", model.App.Name);
        Assert.Equal("plex/0", model.Unit.Name);
    }

    [Fact]
    public void PlannedUnits_with_no_units_in_goal_state_is_zero()
    {
        _backend.Goal = new GoalState(new Dictionary<string, GoalStateEntry>(), new Dictionary<string, IReadOnlyDictionary<string, GoalStateEntry>>());
        var model = TestModels.Model(_backend);
        Assert.Equal(0, model.App.PlannedUnits());
        Assert.Equal(1, _backend.CallCount("goal-state"));
    }
}
