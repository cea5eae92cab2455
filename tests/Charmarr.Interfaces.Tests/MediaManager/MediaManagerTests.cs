using Charmarr.Interfaces.Common;
using Charmarr.Interfaces.MediaManager;

namespace Charmarr.Interfaces.Tests.MediaManager;

/// <summary>Radarr/Sonarr provide media-manager, here on <c>library</c>; Plex and Overseerr require it on the default endpoint.</summary>
public sealed class MediaManagerTests : IDisposable
{
    private const string Radarr4K = """{"api_url":"http://radarr-4k.charmarr.svc.cluster.local:7878","api_key_secret_id":"secret:abc123","manager":"radarr","instance_name":"radarr-4k","base_path":null,"quality_profiles":[{"id":1,"name":"HD-Bluray+WEB"},{"id":2,"name":"UHD-Bluray+WEB"}],"root_folders":["/data/media/movies-uhd"],"variant":"4k"}""";
    private const string Sonarr = """{"api_url":"http://sonarr:8989","api_key_secret_id":"secret:sonarr","manager":"sonarr","instance_name":"sonarr","base_path":null,"quality_profiles":[],"root_folders":["/data/media/tv"],"variant":"standard"}""";
    private const string Overseerr = """{"requester":"overseerr","instance_name":"overseerr"}""";

    private static readonly MediaManagerProviderData Radarr4KData = new(
        "http://radarr-4k.charmarr.svc.cluster.local:7878",
        "secret:abc123",
        MediaManagerKind.Radarr,
        "radarr-4k",
        [new QualityProfile(1, "HD-Bluray+WEB"), new QualityProfile(2, "UHD-Bluray+WEB")],
        ["/data/media/movies-uhd"],
        Variant: ContentVariant.Uhd);

    private readonly CharmFixture<InterfacesCharm> radarr = new("radarr-4k/0", InterfacesCharm.Metadata);
    private readonly CharmFixture<InterfacesCharm> plex = new("plex/0", InterfacesCharm.Metadata);

    public void Dispose()
    {
        radarr.Dispose();
        plex.Dispose();
    }

    private int RelateManager(string app, string? config) => plex.Relate("media-manager", app, config);

    [Fact]
    public void The_leader_provider_publishes_the_reference_bytes_and_sees_the_requirers()
    {
        radarr.Backend.Leader = true;
        var id = radarr.Backend.AddRelation("library", "overseerr");
        radarr.Backend.SetRemoteAppData(id, new Dictionary<string, string> { ["config"] = Overseerr });

        var requirers = radarr.Query(charm =>
        {
            charm.Library.PublishData(Radarr4KData);
            return charm.Library.GetRequirers();
        });

        Assert.Equal(Radarr4K, radarr.Backend.GetLocalAppData(id)["config"]);
        Assert.Equal([new MediaManagerRequirerData(RequestManagerKind.Overseerr, "overseerr")], requirers);
    }

    [Fact]
    public void An_empty_profile_list_and_the_standard_variant_match_the_sonarr_reference()
    {
        Assert.Equal(Sonarr, WireJson.Serialize(new MediaManagerProviderData(
            "http://sonarr:8989", "secret:sonarr", MediaManagerKind.Sonarr, "sonarr", [], ["/data/media/tv"])));
    }

    [Fact]
    public void A_non_leader_provider_publishes_nothing()
    {
        var id = radarr.Backend.AddRelation("library", "overseerr");

        radarr.Run(charm => charm.Library.PublishData(Radarr4KData));

        Assert.Empty(radarr.Backend.GetLocalAppData(id));
    }

    [Fact]
    public void The_requirer_reads_one_provider_with_all_its_values()
    {
        RelateManager("radarr-1080p", """{"api_url":"http://radarr-1080p:7878","api_key_secret_id":"secret:r","manager":"radarr","instance_name":"radarr-1080p","quality_profiles":[{"id":1,"name":"HD-1080p"},{"id":4,"name":"Any"}],"root_folders":["/data/media/movies","/data/media/kids"]}""");

        var provider = Assert.Single(plex.Query(charm => charm.Managers.GetProviders()));

        Assert.Equal(("radarr-1080p", MediaManagerKind.Radarr, ContentVariant.Standard, null), (provider.InstanceName, provider.Manager, provider.Variant, provider.BasePath));
        Assert.Equal([new QualityProfile(1, "HD-1080p"), new QualityProfile(4, "Any")], provider.QualityProfiles);
        Assert.Equal(["/data/media/movies", "/data/media/kids"], provider.RootFolders);
    }

    [Fact]
    public void Several_relations_on_the_endpoint_give_one_provider_each_and_skip_the_invalid_one()
    {
        RelateManager("radarr-4k", Radarr4K);
        var bad = RelateManager("lidarr", """{"manager":"lidarr"}""");
        RelateManager("sonarr", Sonarr);

        var providers = plex.Query(charm => charm.Managers.GetProviders());

        Assert.Equal(["radarr-4k", "sonarr"], providers.Select(p => p.InstanceName));
        Assert.Equal([Radarr4K, Sonarr], providers.Select(WireJson.Serialize));
        Assert.Contains(plex.LogLines(JujuLogLevel.Warning), l => l.Contains($"media-manager:{bad}", StringComparison.Ordinal));
    }

    [Fact]
    public void It_is_ready_with_one_provider_and_not_without_a_relation_or_with_empty_data()
    {
        Assert.False(plex.Query(charm => charm.Managers.IsReady()));

        var empty = RelateManager("radarr", null);
        Assert.False(plex.Query(charm => charm.Managers.IsReady()));

        plex.Backend.SetRemoteAppData(empty, new Dictionary<string, string> { ["config"] = Radarr4K });
        Assert.True(plex.Query(charm => charm.Managers.IsReady()));
    }

    [Theory]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","root_folders":[]}""", "quality_profiles")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[]}""", "root_folders")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[null],"root_folders":[]}""", "null")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[],"root_folders":["/a",null]}""", "null")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[],"root_folders":null}""", "root_folders")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[{"id":"x","name":"n"}],"root_folders":[]}""", "id")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[{"id":1}],"root_folders":[]}""", "name")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":{},"root_folders":[]}""", "QualityProfile")]
    [InlineData("""{"api_url":"u","api_key_secret_id":"s","manager":"radarr","instance_name":"i","quality_profiles":[],"root_folders":[],"variant":"4K"}""", "ContentVariant")]
    public void Invalid_provider_data_is_not_ready_with_a_warning(string config, string reason)
    {
        var id = RelateManager("radarr", config);

        Assert.Empty(plex.Query(charm => charm.Managers.GetProviders()));
        plex.AssertNotReadyWarning("media-manager", id, reason);
    }

    [Fact]
    public void The_leader_requirer_publishes_its_data_to_every_relation_and_a_non_leader_does_not()
    {
        var radarrRelation = RelateManager("radarr", null);
        var sonarrRelation = RelateManager("sonarr", null);
        var data = new MediaManagerRequirerData(RequestManagerKind.Overseerr, "overseerr");

        plex.Run(charm => charm.Managers.PublishData(data));
        Assert.Empty(plex.Backend.GetLocalAppData(radarrRelation));

        plex.Backend.Leader = true;
        plex.Run(charm => charm.Managers.PublishData(data));
        Assert.Equal(Overseerr, plex.Backend.GetLocalAppData(radarrRelation)["config"]);
        Assert.Equal(Overseerr, plex.Backend.GetLocalAppData(sonarrRelation)["config"]);
    }

    [Fact]
    public void The_requirer_raises_Changed_per_relation_on_changed_and_broken()
    {
        var first = RelateManager("radarr", Radarr4K);
        var second = RelateManager("sonarr", Sonarr);

        plex.RelationHook("changed", "media-manager", first);
        plex.RelationHook("changed", "media-manager", second);
        plex.RelationHook("broken", "media-manager", first);

        Assert.Equal(
            [("media-manager", first, false, false), ("media-manager", second, false, false), ("media-manager", first, true, false)],
            plex.Probe.Changed);
    }
}
