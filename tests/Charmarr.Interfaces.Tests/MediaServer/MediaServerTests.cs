using Charmarr.Interfaces.MediaServer;

namespace Charmarr.Interfaces.Tests.MediaServer;

/// <summary>Plex provides media-server on its default endpoint; Overseerr requires it, here on <c>watched-server</c>.</summary>
public sealed class MediaServerTests : IDisposable
{
    private const string Plex019 = """{"name":"plex","api_url":"http://plex.charmarr.svc.cluster.local:32400","web_url":null,"server":null,"credentials_secret_id":null}""";
    private const string Plex018 = """{"name":"plex","api_url":"http://plex.charmarr.svc.cluster.local:32400","web_url":null}""";
    private const string Jellyfin = """{"name":"jellyfin","api_url":"http://jellyfin:8096","web_url":null,"server":"jellyfin","credentials_secret_id":"secret://456"}""";

    private readonly CharmFixture<InterfacesCharm> plex = new("plex/0", InterfacesCharm.Metadata);
    private readonly CharmFixture<InterfacesCharm> overseerr = new("overseerr/0", InterfacesCharm.Metadata);

    public void Dispose()
    {
        plex.Dispose();
        overseerr.Dispose();
    }

    private int RelateToServer(string? config) => overseerr.Relate("watched-server", "plex", config);

    [Fact]
    public void Optional_fields_default_to_null()
    {
        var data = new MediaServerProviderData("plex", "http://plex:32400");

        Assert.Null(data.Server);
        Assert.Null(data.CredentialsSecretId);
        Assert.Null(data.WebUrl);
    }

    [Fact]
    public void Plex_publishes_the_reference_bytes_of_charmarr_lib_0_19_to_every_relation()
    {
        plex.Backend.Leader = true;
        var overseerrRelation = plex.Backend.AddRelation("media-server", "overseerr");
        var seerrRelation = plex.Backend.AddRelation("media-server", "seerr");

        plex.Run(charm => charm.Server.PublishData(new MediaServerProviderData("plex", "http://plex.charmarr.svc.cluster.local:32400")));

        Assert.Equal(Plex019, plex.Backend.GetLocalAppData(overseerrRelation)["config"]);
        Assert.Equal(Plex019, plex.Backend.GetLocalAppData(seerrRelation)["config"]);
    }

    [Fact]
    public void A_jellyfin_style_publish_carries_server_and_credentials_byte_for_byte()
    {
        plex.Backend.Leader = true;
        var id = plex.Backend.AddRelation("media-server", "overseerr");

        plex.Run(charm => charm.Server.PublishData(
            new MediaServerProviderData("jellyfin", "http://jellyfin:8096", Server: MediaServerKind.Jellyfin, CredentialsSecretId: "secret://456")));

        Assert.Equal(Jellyfin, plex.Backend.GetLocalAppData(id)["config"]);
    }

    [Fact]
    public void A_non_leader_server_publishes_nothing()
    {
        var id = plex.Backend.AddRelation("media-server", "overseerr");

        plex.Run(charm => charm.Server.PublishData(new MediaServerProviderData("plex", "http://plex:32400")));

        Assert.Empty(plex.Backend.GetLocalAppData(id));
    }

    [Fact]
    public void The_requirer_reads_server_and_credentials_of_0_19_data()
    {
        RelateToServer(Jellyfin);

        var (ready, provider) = overseerr.Query(charm => (charm.WatchedServer.IsReady(), charm.WatchedServer.GetProvider()));

        Assert.True(ready);
        Assert.Equal(new MediaServerProviderData("jellyfin", "http://jellyfin:8096", null, MediaServerKind.Jellyfin, "secret://456"), provider);
    }

    [Fact]
    public void The_requirer_reads_the_0_18_shape_that_current_plex_k8s_writes()
    {
        RelateToServer(Plex018);

        var provider = overseerr.Query(charm => charm.WatchedServer.GetProvider());

        Assert.Equal(new MediaServerProviderData("plex", "http://plex.charmarr.svc.cluster.local:32400"), provider);
    }

    [Fact]
    public void Without_a_relation_the_requirer_is_not_ready()
    {
        Assert.False(overseerr.Query(charm => charm.WatchedServer.IsReady()));
        Assert.Null(overseerr.Query(charm => charm.WatchedServer.GetProvider()));
    }

    [Theory]
    [InlineData("""{"name":"plex"}""", "api_url")]
    [InlineData("""{"name":"plex","api_url":"u","server":"emby"}""", "MediaServerKind")]
    [InlineData("""{"name":"plex","api_url":"u","web_url":1}""", "web_url")]
    [InlineData("""{"name":"plex","api_url":null}""", "api_url")]
    public void Invalid_server_data_is_not_ready_with_a_warning(string config, string reason)
    {
        var id = RelateToServer(config);

        Assert.Null(overseerr.Query(charm => charm.WatchedServer.GetProvider()));
        overseerr.AssertNotReadyWarning("watched-server", id, reason);
    }

    [Fact]
    public void The_requirer_raises_Changed_on_relation_changed_and_broken()
    {
        var id = RelateToServer(Plex019);

        overseerr.RelationHook("changed", "watched-server", id);
        overseerr.RelationHook("broken", "watched-server", id);

        Assert.Equal([("watched-server", id, false, false), ("watched-server", id, true, false)], overseerr.Probe.Changed);
    }

    [Fact]
    public void Bytes_written_by_the_provider_read_back_equal_on_the_requirer()
    {
        plex.Backend.Leader = true;
        var plexSide = plex.Backend.AddRelation("media-server", "overseerr");
        var published = new MediaServerProviderData("plex", "http://plex:32400", "https://plex.example/web", MediaServerKind.Plex, "secret:abc");
        plex.Run(charm => charm.Server.PublishData(published));

        RelateToServer(plex.Backend.GetLocalAppData(plexSide)["config"]);

        Assert.Equal(published, overseerr.Query(charm => charm.WatchedServer.GetProvider()));
    }
}
