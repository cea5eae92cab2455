using Charmarr.Ops.Backend;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

public sealed class RelationDataRulesTests
{
    private readonly MemoryJujuBackend backend = new("plex/0");
    private readonly int storage;

    public RelationDataRulesTests()
    {
        storage = backend.AddRelation("media-storage", "charmarr-storage");
        backend.AddRemoteUnit(storage, "charmarr-storage/0");
    }

    private static Dictionary<string, string> Data(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    [Fact]
    public void A_unit_writes_and_reads_back_its_own_bag_without_leadership()
    {
        backend.SetRelationData("media-storage", storage, Data("k", "v"), isApp: false);

        Assert.Equal("v", backend.GetRelationData("media-storage", storage, "plex/0", isApp: false)["k"]);
        Assert.Equal("v", backend.GetLocalUnitData(storage)["k"]);
    }

    [Fact]
    public void Unit_bags_start_with_the_address_keys_Juju_fills_in()
    {
        var remote = backend.GetRelationData("media-storage", storage, "charmarr-storage/0", isApp: false);

        Assert.Equal(["egress-subnets", "ingress-address", "private-address"], remote.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ingress-address", backend.GetLocalUnitData(storage).Keys);
    }

    [Fact]
    public void The_leader_writes_the_application_bag()
    {
        backend.Leader = true;

        backend.SetRelationData("media-storage", storage, Data("config", "{}"), isApp: true);

        Assert.Equal("{}", backend.GetLocalAppData(storage)["config"]);
        Assert.Equal("{}", backend.GetRelationData("media-storage", storage, "plex", isApp: true)["config"]);
    }

    [Fact]
    public void A_non_leader_writing_the_application_bag_is_denied_as_relation_set_would_be()
    {
        var ex = Assert.Throws<PermissionDeniedException>(
            () => backend.SetRelationData("media-storage", storage, Data("config", "{}"), isApp: true));

        Assert.Equal("relation-set", ex.Tool);
        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("cannot write relation settings", ex.Message);
        Assert.Empty(backend.GetLocalAppData(storage));
    }

    [Fact]
    public void A_non_leader_reading_its_own_application_bag_is_denied()
    {
        var ex = Assert.Throws<PermissionDeniedException>(
            () => backend.GetRelationData("media-storage", storage, "plex", isApp: true));

        Assert.Contains("permission denied", ex.Message);
    }

    [Fact]
    public void On_a_peer_relation_a_non_leader_reads_the_shared_application_bag()
    {
        var peers = backend.AddPeerRelation("plex-peers");
        backend.SetLocalAppData(peers, Data("seed", "1"));

        Assert.Equal("1", backend.GetRelationData("plex-peers", peers, "plex", isApp: true)["seed"]);
        Assert.Equal("plex", backend.GetRelationRemoteApp("plex-peers", peers));
    }

    [Fact]
    public void Remote_bags_are_read_but_never_written_by_relation_set()
    {
        backend.SetRemoteAppData(storage, Data("config", "remote"));
        backend.SetRemoteUnitData(storage, "charmarr-storage/0", Data("unit-key", "u"));
        backend.Leader = true;
        backend.SetRelationData("media-storage", storage, Data("config", "local"), isApp: true);

        Assert.Equal("remote", backend.GetRelationData("media-storage", storage, "charmarr-storage", isApp: true)["config"]);
        Assert.Equal("u", backend.GetRelationData("media-storage", storage, "charmarr-storage/0", isApp: false)["unit-key"]);
        Assert.Equal("remote", backend.GetRemoteAppData(storage)["config"]);
    }

    [Fact]
    public void With_app_a_unit_name_reads_that_units_application_bag()
    {
        backend.SetRemoteAppData(storage, Data("config", "remote"));

        Assert.Equal("remote", backend.GetRelationData("media-storage", storage, "charmarr-storage/0", isApp: true)["config"]);
    }

    [Theory]
    [InlineData("charmarr-storage", false, 2, "expected unit name, got application name")]
    [InlineData("charmarr-storage/7", false, 1, "settings not found")]
    [InlineData("other-app", true, 1, "settings not found")]
    public void Reading_a_bag_outside_the_relation_fails_as_relation_get_does(string owner, bool isApp, int exitCode, string message)
    {
        var ex = Assert.Throws<JujuModelException>(() => backend.GetRelationData("media-storage", storage, owner, isApp));

        Assert.Equal((typeof(JujuModelException), exitCode), (ex.GetType(), ex.ExitCode));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void An_empty_value_deletes_the_key()
    {
        backend.SetRelationData("media-storage", storage, Data("k", "v"), isApp: false);
        backend.SetRelationData("media-storage", storage, Data("k", ""), isApp: false);

        Assert.DoesNotContain("k", backend.GetLocalUnitData(storage).Keys);
    }

    [Theory]
    [InlineData("media-storage", 99)]
    [InlineData("media-server", 1)]
    public void An_unknown_relation_or_one_on_another_endpoint_is_not_found(string endpoint, int id)
    {
        var ex = Assert.Throws<RelationNotFoundException>(() => backend.GetRelationUnits(endpoint, id));

        Assert.Contains("relation not found", ex.Message);
        Assert.Throws<RelationNotFoundException>(() => backend.SetRelationData(endpoint, id, Data("k", "v"), isApp: false));
    }

    [Fact]
    public void A_removed_relation_is_gone_for_every_tool()
    {
        backend.RemoveRelation(storage);

        Assert.Empty(backend.GetRelationIds("media-storage"));
        Assert.Throws<RelationNotFoundException>(() => backend.GetRelationData("media-storage", storage, "plex/0", isApp: false));
    }

    [Fact]
    public void An_empty_key_is_refused_before_anything_is_written_as_production_does()
    {
        Assert.Throws<ArgumentException>(() => backend.SetRelationData("media-storage", storage, Data("", "v"), isApp: false));
    }

    [Fact]
    public void Members_are_listed_in_string_order_and_a_departed_units_bag_stays_readable()
    {
        backend.AddRemoteUnit(storage, "charmarr-storage/10");
        backend.AddRemoteUnit(storage, "charmarr-storage/2");
        backend.RemoveRemoteUnit(storage, "charmarr-storage/0");

        Assert.Equal(["charmarr-storage/10", "charmarr-storage/2"], backend.GetRelationUnits("media-storage", storage));
        Assert.NotEmpty(backend.GetRelationData("media-storage", storage, "charmarr-storage/0", isApp: false));
    }

    [Fact]
    public void Relation_ids_are_ascending_per_endpoint()
    {
        var second = backend.AddRelation("media-storage", "other-storage");
        backend.AddRelation("media-server", "overseerr");

        Assert.Equal([storage, second], backend.GetRelationIds("media-storage"));
        Assert.Empty(backend.GetRelationIds("unrelated"));
    }

    [Fact]
    public void A_remote_unit_must_belong_to_the_remote_application()
    {
        Assert.Throws<ArgumentException>(() => backend.AddRemoteUnit(storage, "plex/1"));
    }
}
