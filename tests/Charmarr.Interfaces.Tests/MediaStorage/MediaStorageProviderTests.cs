using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Tests.MediaStorage;

public sealed class MediaStorageProviderTests : IDisposable
{
    private const string Golden = """{"pvc_name":"charmarr-shared-media","mount_path":"/data","puid":1000,"pgid":1000}""";
    private readonly CharmFixture<InterfacesCharm> fixture = new("charmarr-storage/0", InterfacesCharm.Metadata);

    public void Dispose() => fixture.Dispose();

    private static Dictionary<string, string> Config(string json) => new(StringComparer.Ordinal) { ["config"] = json };

    [Fact]
    public void The_leader_publishes_the_reference_bytes_to_every_relation_on_the_endpoint()
    {
        fixture.Backend.Leader = true;
        var radarr = fixture.Backend.AddRelation("shared-storage", "radarr");
        var plex = fixture.Backend.AddRelation("shared-storage", "plex");

        fixture.Run(charm => charm.SharedStorage.PublishData(new MediaStorageProviderData("charmarr-shared-media")));

        Assert.Equal(Golden, fixture.Backend.GetLocalAppData(radarr)["config"]);
        Assert.Equal(Golden, fixture.Backend.GetLocalAppData(plex)["config"]);
    }

    [Fact]
    public void A_non_leader_publish_writes_nothing_and_logs_why()
    {
        var radarr = fixture.Backend.AddRelation("shared-storage", "radarr");

        fixture.Run(charm => charm.SharedStorage.PublishData(new MediaStorageProviderData("charmarr-shared")));

        Assert.Empty(fixture.Backend.GetLocalAppData(radarr));
        Assert.Contains(fixture.LogLines(JujuLogLevel.Debug), l => l.Contains("only the leader writes", StringComparison.Ordinal));
    }

    [Fact]
    public void Connected_apps_are_the_instance_names_of_the_ready_requirers()
    {
        fixture.Backend.Leader = true;
        var radarr = fixture.Backend.AddRelation("shared-storage", "radarr-4k");
        var broken = fixture.Backend.AddRelation("shared-storage", "sonarr");
        fixture.Backend.SetRemoteAppData(radarr, Config("""{"instance_name":"radarr-4k"}"""));
        fixture.Backend.SetRemoteAppData(broken, Config("""{"name":"sonarr"}"""));

        var apps = fixture.Query(charm =>
        {
            charm.SharedStorage.PublishData(new MediaStorageProviderData("charmarr-shared"));
            return charm.SharedStorage.GetConnectedApps();
        });

        Assert.Equal(["radarr-4k"], apps);
        Assert.Contains("config", fixture.Backend.GetLocalAppData(radarr).Keys);
    }

    [Fact]
    public void Clear_data_removes_the_config_key_from_every_relation()
    {
        fixture.Backend.Leader = true;
        var radarr = fixture.Backend.AddRelation("shared-storage", "radarr");
        fixture.Backend.SetLocalAppData(radarr, Config(Golden));

        fixture.Run(charm => charm.SharedStorage.ClearData());

        Assert.Empty(fixture.Backend.GetLocalAppData(radarr));
    }

    [Fact]
    public void Publishing_the_same_data_again_does_not_rewrite_the_bag()
    {
        fixture.Backend.Leader = true;
        var radarr = fixture.Backend.AddRelation("shared-storage", "radarr");
        fixture.Backend.SetLocalAppData(radarr, Config(Golden));
        fixture.Backend.SetLocalAppData(radarr, new Dictionary<string, string> { ["config"] = Golden, ["marker"] = "kept" });

        fixture.Run(charm => charm.SharedStorage.PublishData(new MediaStorageProviderData("charmarr-shared-media")));

        Assert.Equal(Golden, fixture.Backend.GetLocalAppData(radarr)["config"]);
        Assert.Equal("kept", fixture.Backend.GetLocalAppData(radarr)["marker"]);
    }
}
