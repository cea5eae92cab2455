using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Tests.MediaStorage;

public sealed class MediaStorageRequirerTests : IDisposable
{
    private readonly CharmFixture<InterfacesCharm> fixture = new("plex/0", InterfacesCharm.Metadata);

    public void Dispose() => fixture.Dispose();

    private int RelateStorage(string? config)
    {
        var id = fixture.Relate("media-storage", "charmarr-storage", config);
        fixture.Backend.AddRemoteUnit(id, "charmarr-storage/0");
        return id;
    }

    [Fact]
    public void The_provider_data_is_read_from_the_remote_application_bag()
    {
        RelateStorage("""{"pvc_name":"charmarr-shared","mount_path":"/data","puid":1050,"pgid":1050}""");

        var provider = fixture.Query(charm => charm.Storage.GetProvider());

        Assert.Equal(new MediaStorageProviderData("charmarr-shared", "/data", 1050, 1050), provider);
    }

    [Fact]
    public void Missing_optional_fields_take_their_defaults_and_unknown_fields_are_ignored()
    {
        RelateStorage("""{"pvc_name":"charmarr-shared","storage_class":"fast","future":{"x":[1]}}""");

        var provider = fixture.Query(charm => charm.Storage.GetProvider());

        Assert.Equal(new MediaStorageProviderData("charmarr-shared", "/data", 1000, 1000), provider);
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read_as_pydantic_lax_mode_reads_them()
    {
        RelateStorage("""{"pvc_name":"p","puid":"1050"}""");

        Assert.Equal(1050, fixture.Query(charm => charm.Storage.GetProvider())!.Puid);
    }

    [Fact]
    public void With_provider_data_it_is_ready()
    {
        RelateStorage("""{"pvc_name":"charmarr-shared"}""");

        Assert.True(fixture.Query(charm => charm.Storage.IsReady()));
    }

    [Fact]
    public void Without_a_relation_it_is_not_ready_and_has_no_provider()
    {
        Assert.False(fixture.Query(charm => charm.Storage.IsReady()));
        Assert.Null(fixture.Query(charm => charm.Storage.GetProvider()));
    }

    [Fact]
    public void A_provider_that_has_not_published_yet_is_not_ready_and_only_logged_at_debug()
    {
        var id = RelateStorage(null);

        var ready = fixture.Query(charm => charm.Storage.IsReady());

        Assert.False(ready);
        fixture.AssertNotReadyDebugOnly("media-storage", id, "has not published 'config'");
    }

    [Theory]
    [InlineData("", "not valid")]
    [InlineData("{", "not valid")]
    [InlineData("not json", "not valid")]
    [InlineData("[]", "not valid")]
    [InlineData("null", "null")]
    [InlineData("{}", "pvc_name")]
    [InlineData("""{"mount_path":"/data"}""", "pvc_name")]
    [InlineData("""{"pvc_name":5}""", "pvc_name")]
    [InlineData("""{"pvc_name":null}""", "pvc_name")]
    [InlineData("""{"pvc_name":"p","mount_path":null}""", "mount_path")]
    [InlineData("""{"pvc_name":"p","puid":"abc"}""", "puid")]
    [InlineData("""{"pvc_name":"p","puid":1000.5}""", "puid")]
    [InlineData("""{"pvc_name":"p","pgid":true}""", "pgid")]
    [InlineData("""{"pvc_name":"p","puid":99999999999}""", "puid")]
    public void Bad_provider_data_makes_the_relation_not_ready_with_a_warning_naming_relation_and_reason(string? config, string reason)
    {
        var id = RelateStorage(config);

        var ready = fixture.Query(charm => charm.Storage.IsReady());

        Assert.False(ready);
        fixture.AssertNotReadyWarning("media-storage", id, reason);
    }

    [Fact]
    public void The_leader_publishes_its_instance_name_to_the_one_relation()
    {
        fixture.Backend.Leader = true;
        var id = RelateStorage(null);

        fixture.Run(charm => charm.Storage.PublishData(new MediaStorageRequirerData("plex")));

        Assert.Equal("""{"instance_name":"plex"}""", fixture.Backend.GetLocalAppData(id)["config"]);
    }

    [Fact]
    public void A_non_leader_requirer_publish_writes_nothing()
    {
        var id = RelateStorage(null);

        fixture.Run(charm => charm.Storage.PublishData(new MediaStorageRequirerData("radarr")));

        Assert.Empty(fixture.Backend.GetLocalAppData(id));
    }

    [Fact]
    public void Changed_is_raised_on_relation_changed_and_relation_broken_only()
    {
        var id = RelateStorage("""{"pvc_name":"charmarr-shared"}""");

        Assert.Equal(0, fixture.RelationHook("created", "media-storage", id));
        Assert.Equal(0, fixture.RelationHook("joined", "media-storage", id, "charmarr-storage/0"));
        Assert.Equal(0, fixture.RelationHook("changed", "media-storage", id, "charmarr-storage/0"));
        Assert.Equal(0, fixture.RelationHook("broken", "media-storage", id));

        Assert.Equal([("media-storage", id, false, false), ("media-storage", id, true, false)], fixture.Probe.Changed);
    }

    [Fact]
    public void In_relation_broken_the_departing_provider_is_no_longer_read()
    {
        var id = RelateStorage("""{"pvc_name":"charmarr-shared"}""");
        var readyByEvent = new List<bool>();
        fixture.Probe.OnChanged = (charm, _) => readyByEvent.Add(charm.Storage.IsReady());

        fixture.RelationHook("changed", "media-storage", id, "charmarr-storage/0");
        fixture.RelationHook("broken", "media-storage", id);

        Assert.Equal([true, false], readyByEvent);
    }

    [Fact]
    public void A_deferred_Changed_event_is_handed_over_again_in_the_next_dispatch()
    {
        var id = RelateStorage("""{"pvc_name":"charmarr-shared"}""");
        fixture.Probe.DeferChangedOn.Add("media-storage");
        fixture.RelationHook("changed", "media-storage", id, "charmarr-storage/0");
        fixture.Probe.DeferChangedOn.Clear();

        Assert.Equal(0, fixture.Dispatch("hooks/update-status"));

        Assert.Equal([("media-storage", id, false, false), ("media-storage", id, false, true)], fixture.Probe.Changed);
    }
}
