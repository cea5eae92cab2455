using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Events;

/// <summary>Hook and action names to typed events, checked against the charm's metadata.</summary>
public sealed class EventFactoryTests
{
    private readonly FakeJujuBackend _backend = new();

    private JujuEvent? Create(JujuEventSnapshot snapshot) => EventFactory.Create(snapshot, TestModels.Model(_backend));

    private JujuEvent? Hook(string name) => Create(new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = name });

    [Theory]
    [InlineData("install", typeof(InstallEvent))]
    [InlineData("start", typeof(StartEvent))]
    [InlineData("stop", typeof(StopEvent))]
    [InlineData("remove", typeof(RemoveEvent))]
    [InlineData("config-changed", typeof(ConfigChangedEvent))]
    [InlineData("update-status", typeof(UpdateStatusEvent))]
    [InlineData("upgrade-charm", typeof(UpgradeCharmEvent))]
    [InlineData("leader-elected", typeof(LeaderElectedEvent))]
    [InlineData("leader-settings-changed", typeof(LeaderSettingsChangedEvent))]
    [InlineData("pre-series-upgrade", typeof(PreSeriesUpgradeEvent))]
    [InlineData("post-series-upgrade", typeof(PostSeriesUpgradeEvent))]
    [InlineData("collect-metrics", typeof(CollectMetricsEvent))]
    public void Lifecycle_hook_maps_to_its_type(string name, Type type)
    {
        var ev = Hook(name);
        Assert.IsType(type, ev);
        Assert.Equal(name, ev!.Name);
        Assert.Null(ev.Scope);
    }

    [Fact]
    public void Pre_series_upgrade_carries_the_target_base()
    {
        var ev = Create(new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = "pre-series-upgrade", TargetBase = "ubuntu@24.04" });
        Assert.Equal("ubuntu@24.04", Assert.IsType<PreSeriesUpgradeEvent>(ev).TargetBase);
    }

    [Theory]
    [InlineData("db-relation-created", typeof(RelationCreatedEvent))]
    [InlineData("db-relation-joined", typeof(RelationJoinedEvent))]
    [InlineData("db-relation-changed", typeof(RelationChangedEvent))]
    [InlineData("db-relation-departed", typeof(RelationDepartedEvent))]
    [InlineData("db-relation-broken", typeof(RelationBrokenEvent))]
    public void Relation_hook_maps_to_its_type(string name, Type type)
    {
        _backend.RelationIds["db"] = [7];
        var ev = Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = name,
            RelationName = "db",
            RelationId = 7,
            RemoteApp = "postgresql",
        });
        Assert.IsType(type, ev);
        var relationEvent = (RelationEvent)ev!;
        Assert.Equal("db", relationEvent.Relation.Name);
        Assert.Equal(7, relationEvent.Relation.Id);
        Assert.Equal("db", relationEvent.Scope);
        Assert.Equal(new Application("postgresql"), relationEvent.App);
    }

    [Fact]
    public void Relation_changed_carries_the_remote_unit()
    {
        _backend.RelationIds["db"] = [7];
        var ev = Assert.IsType<RelationChangedEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "db-relation-changed",
            RelationId = 7,
            RemoteApp = "postgresql",
            RemoteUnit = "postgresql/1",
        }));
        Assert.Equal(new Unit("postgresql/1"), ev.Unit);
        Assert.True(ev.Relation.IsActive);
    }

    [Fact]
    public void Relation_departed_carries_the_departing_unit()
    {
        _backend.RelationIds["db"] = [7];
        var ev = Assert.IsType<RelationDepartedEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "db-relation-departed",
            RelationId = 7,
            RemoteUnit = "postgresql/1",
            DepartingUnit = "postgresql/1",
        }));
        Assert.Equal(new Unit("postgresql/1"), ev.DepartingUnit);
        Assert.Equal(new Unit("postgresql/1"), ev.Unit);
    }

    [Fact]
    public void Relation_broken_relation_is_inactive()
    {
        _backend.RelationIds["db"] = [7];
        var context = TestModels.Context("db-relation-broken", relationId: 7, remoteApp: "postgresql");
        var model = TestModels.Model(_backend, context);
        var ev = Assert.IsType<RelationBrokenEvent>(EventFactory.Create(JujuEventSnapshot.From(context), model));
        Assert.False(ev.Relation.IsActive);
        Assert.Null(ev.Unit);
        Assert.Equal(new Application("postgresql"), ev.App);
    }

    [Fact]
    public void Peer_relation_hook_maps_to_a_peer_relation()
    {
        _backend.RelationIds["cluster"] = [2];
        var ev = Assert.IsType<RelationJoinedEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "cluster-relation-joined",
            RelationId = 2,
            RemoteUnit = "plex/1",
        }));
        Assert.True(ev.Relation.IsPeer);
    }

    [Theory]
    [InlineData("data-storage-attached", typeof(StorageAttachedEvent))]
    [InlineData("data-storage-detaching", typeof(StorageDetachingEvent))]
    public void Storage_hook_maps_to_its_type(string name, Type type)
    {
        var ev = Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = name,
            StorageId = "data/1",
            StorageLocation = "/srv/data/1",
            StorageKind = "block",
        });
        Assert.IsType(type, ev);
        var storage = ((StorageEvent)ev!).Storage;
        Assert.Equal("data", storage.Name);
        Assert.Equal(1, storage.Index);
        Assert.Equal("/srv/data/1", storage.Location);
        Assert.Equal("block", storage.Kind);
        Assert.Equal("data", ev.Scope);
        Assert.Equal(0, _backend.CallCount("storage-get"));
    }

    [Fact]
    public void Storage_event_without_location_asks_storage_get()
    {
        var ev = Assert.IsType<StorageAttachedEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "data-storage-attached",
            StorageId = "data/0",
        }));
        Assert.Equal("/srv/data/0", ev.Storage.Location);
        Assert.Equal(1, _backend.CallCount("storage-get"));
    }

    [Theory]
    [InlineData("plex-pebble-ready", typeof(PebbleReadyEvent))]
    [InlineData("plex-pebble-custom-notice", typeof(PebbleCustomNoticeEvent))]
    [InlineData("plex-pebble-check-failed", typeof(PebbleCheckFailedEvent))]
    [InlineData("plex-pebble-check-recovered", typeof(PebbleCheckRecoveredEvent))]
    public void Workload_hook_maps_to_its_type(string name, Type type)
    {
        var ev = Create(new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = name, WorkloadName = "plex" });
        Assert.IsType(type, ev);
        Assert.Equal("plex", ((WorkloadEvent)ev!).Workload.Name);
        Assert.Equal("plex", ev.Scope);
    }

    [Fact]
    public void Custom_notice_carries_the_notice()
    {
        var ev = Assert.IsType<PebbleCustomNoticeEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "plex-pebble-custom-notice",
            NoticeId = "42",
            NoticeType = "custom",
            NoticeKey = "example.com/backup-done",
        }));
        Assert.Equal("42", ev.NoticeId);
        Assert.Equal("custom", ev.NoticeType);
        Assert.Equal("example.com/backup-done", ev.NoticeKey);
    }

    [Fact]
    public void Check_event_carries_the_check_name()
    {
        var ev = Assert.IsType<PebbleCheckFailedEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = "plex-pebble-check-failed",
            CheckName = "alive",
        }));
        Assert.Equal("alive", ev.CheckName);
    }

    [Theory]
    [InlineData("secret-changed", typeof(SecretChangedEvent))]
    [InlineData("secret-rotate", typeof(SecretRotateEvent))]
    [InlineData("secret-remove", typeof(SecretRemoveEvent))]
    [InlineData("secret-expired", typeof(SecretExpiredEvent))]
    public void Secret_hook_maps_to_its_type(string name, Type type)
    {
        var ev = Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Hook,
            EventName = name,
            SecretId = "secret:abc",
            SecretLabel = "db-password",
            SecretRevision = 3,
        });
        Assert.IsType(type, ev);
        var secret = ((SecretEvent)ev!).Secret;
        Assert.Equal("secret:abc", secret.Id);
        Assert.Equal("db-password", secret.Label);
        Assert.Empty(_backend.Calls);
    }

    [Fact]
    public void Secret_remove_and_expired_carry_the_revision()
    {
        JujuEventSnapshot Snapshot(string name) => new()
        {
            Kind = DispatchKind.Hook,
            EventName = name,
            SecretId = "secret:abc",
            SecretRevision = 3,
        };
        Assert.Equal(3, Assert.IsType<SecretRemoveEvent>(Create(Snapshot("secret-remove"))).Revision);
        Assert.Equal(3, Assert.IsType<SecretExpiredEvent>(Create(Snapshot("secret-expired"))).Revision);
    }

    [Fact]
    public void Declared_action_maps_to_an_action_event()
    {
        var ev = Assert.IsType<ActionEvent>(Create(new JujuEventSnapshot
        {
            Kind = DispatchKind.Action,
            EventName = "claim-server",
            ActionUuid = "17",
        }));
        Assert.Equal("claim-server", ev.Name);
        Assert.Equal("claim-server", ev.Scope);
        Assert.Equal("17", ev.Id);
    }

    [Fact]
    public void Undeclared_action_is_null()
    {
        Assert.Null(Create(new JujuEventSnapshot { Kind = DispatchKind.Action, EventName = "backup" }));
    }

    [Fact]
    public void Action_name_dispatched_as_a_hook_is_null()
    {
        Assert.Null(Hook("claim-server"));
    }

    [Fact]
    public void Lifecycle_name_dispatched_as_an_action_is_null()
    {
        Assert.Null(Create(new JujuEventSnapshot { Kind = DispatchKind.Action, EventName = "install" }));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("meter-status-changed")]
    [InlineData("-relation-changed")]
    [InlineData("relation-changed")]
    public void Unknown_hook_is_null(string name)
    {
        Assert.Null(Hook(name));
    }

    [Fact]
    public void Unknown_endpoint_is_null()
    {
        Assert.Null(Create(new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = "dbx-relation-changed", RelationId = 1 }));
    }

    [Fact]
    public void Relation_hook_without_relation_id_is_null()
    {
        Assert.Null(Hook("db-relation-changed"));
    }

    [Fact]
    public void Unknown_storage_is_null()
    {
        Assert.Null(Create(new JujuEventSnapshot { Kind = DispatchKind.Hook, EventName = "media-storage-attached", StorageId = "media/0" }));
    }

    [Fact]
    public void Storage_hook_without_storage_id_is_null()
    {
        Assert.Null(Hook("data-storage-attached"));
    }

    [Fact]
    public void Unknown_container_is_null()
    {
        Assert.Null(Hook("nginx-pebble-ready"));
    }

    [Fact]
    public void Secret_hook_without_secret_id_is_null()
    {
        Assert.Null(Hook("secret-changed"));
    }

    [Fact]
    public void Snapshot_from_context_rebuilds_the_same_event()
    {
        _backend.RelationIds["db"] = [7];
        var context = TestModels.Context("db-relation-changed", relationId: 7, remoteApp: "postgresql") with { RemoteUnit = "postgresql/0" };
        var ev = Assert.IsType<RelationChangedEvent>(EventFactory.Create(JujuEventSnapshot.From(context), TestModels.Model(_backend, context)));
        Assert.Equal(7, ev.Relation.Id);
        Assert.Equal(new Unit("postgresql/0"), ev.Unit);
    }
}
