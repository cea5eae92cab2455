using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>
/// Remote data is validated against what each field is used for, and a requirer can tell "absent" from
/// "invalid: reason" (issue 15: a pvc_name Kubernetes rejects made every reconciling hook fail).
/// </summary>
public sealed class RemoteDataValidationTests : IDisposable
{
    private const string Manager = """{"api_url":"http://radarr:7878","api_key_secret_id":"secret:r","manager":"radarr","instance_name":"radarr","quality_profiles":[{"id":1,"name":"HD"}],"root_folders":["/data/media/movies"]}""";

    private readonly CharmFixture<InterfacesCharm> fixture = new("plex/0", InterfacesCharm.Metadata);

    public void Dispose() => fixture.Dispose();

    private RemoteData<MediaStorageProviderData> ReadStorage() => fixture.Query(charm => charm.Storage.ReadProvider());

    [Fact]
    public void Without_a_relation_the_provider_is_absent()
    {
        var read = ReadStorage();

        Assert.Equal(RemoteDataState.Absent, read.State);
        Assert.Null(read.Data);
        Assert.Contains("no media-storage relation", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_that_has_not_published_is_absent_not_invalid()
    {
        fixture.Relate("media-storage", "charmarr-storage");

        Assert.Equal(RemoteDataState.Absent, ReadStorage().State);
    }

    [Fact]
    public void Valid_data_is_ready()
    {
        fixture.Relate("media-storage", "charmarr-storage", """{"pvc_name":"charmarr-shared.media-1","mount_path":"/data","puid":0,"pgid":2147483647}""");

        var read = ReadStorage();

        Assert.True(read.IsReady);
        Assert.Null(read.Problem);
        Assert.Equal("charmarr-shared.media-1", read.Data!.PvcName);
    }

    [Theory]
    [InlineData("""{"pvc_name":"UPPER_case"}""", "pvc_name 'UPPER_case' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":""}""", "pvc_name '' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":"-leading"}""", "pvc_name '-leading' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":"trailing."}""", "pvc_name 'trailing.' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":"new\nline"}""", "pvc_name 'new\\u000aline' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":"ok\n"}""", "pvc_name 'ok\\u000a' is not a valid Kubernetes name")]
    [InlineData("""{"pvc_name":"p","mount_path":"data"}""", "mount_path 'data' is not an absolute path")]
    [InlineData("""{"pvc_name":"p","mount_path":"/data/../etc"}""", "mount_path '/data/../etc' is not an absolute path")]
    [InlineData("""{"pvc_name":"p","mount_path":"/da:ta"}""", "mount_path '/da:ta' is not an absolute path")]
    [InlineData("""{"pvc_name":"p","puid":-1}""", "puid -1 is not a valid user or group id")]
    [InlineData("""{"pvc_name":"p","pgid":-1000}""", "pgid -1000 is not a valid user or group id")]
    public void Data_that_cannot_be_used_is_invalid_naming_the_field_and_value(string config, string problem)
    {
        var id = fixture.Relate("media-storage", "charmarr-storage", config);

        var read = ReadStorage();

        Assert.Equal(RemoteDataState.Invalid, read.State);
        Assert.Null(read.Data);
        Assert.StartsWith(problem, read.Problem, StringComparison.Ordinal);
        Assert.Null(fixture.Query(charm => charm.Storage.GetProvider()));
        fixture.AssertNotReadyWarning("media-storage", id, problem);
    }

    [Fact]
    public void A_long_pvc_name_is_invalid_and_quoted_cut_short()
    {
        fixture.Relate("media-storage", "charmarr-storage", $$"""{"pvc_name":"{{new string('a', 254)}}"}""");

        var read = ReadStorage();

        Assert.True(read.IsInvalid);
        Assert.Contains("'…", read.Problem, StringComparison.Ordinal);
        Assert.True(read.Problem!.Length < 300);
    }

    [Fact]
    public void Malformed_json_is_invalid_too()
    {
        fixture.Relate("media-storage", "charmarr-storage", "{");

        var read = ReadStorage();

        Assert.True(read.IsInvalid);
        Assert.Contains("not valid MediaStorageProviderData", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"plex","api_url":"plex:32400"}""", "api_url 'plex:32400' is not an absolute http(s) URL")]
    [InlineData("""{"name":"plex","api_url":"ftp://plex"}""", "api_url 'ftp://plex' is not an absolute http(s) URL")]
    [InlineData("""{"name":"plex","api_url":"http://plex","web_url":"nope"}""", "web_url 'nope' is not an absolute http(s) URL")]
    [InlineData("""{"name":" ","api_url":"http://plex"}""", "name ' ' must be a non-empty text")]
    [InlineData("""{"name":"plex","api_url":"http://plex","credentials_secret_id":"456"}""", "credentials_secret_id '456' is not a Juju secret id")]
    public void Media_server_data_is_checked_for_what_it_is_used_for(string config, string problem)
    {
        fixture.Relate("watched-server", "jellyfin", config);

        var read = fixture.Query(charm => charm.WatchedServer.ReadProvider());

        Assert.True(read.IsInvalid);
        Assert.StartsWith(problem, read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api_url", "\"radarr:7878\"", "api_url 'radarr:7878' is not an absolute http(s) URL")]
    [InlineData("api_key_secret_id", "\"\"", "api_key_secret_id '' is not a Juju secret id")]
    [InlineData("instance_name", "\"Radarr 4K\"", "instance_name 'Radarr 4K' is not a Juju application name")]
    [InlineData("base_path", "\"radarr\"", "base_path 'radarr' is not a URL path")]
    [InlineData("root_folders", "[\"movies\"]", "root_folders entry 'movies' is not an absolute path")]
    [InlineData("quality_profiles", "[{\"id\":1,\"name\":\"\"}]", "quality_profiles name '' must be a non-empty text")]
    public void Media_manager_data_is_checked_for_what_it_is_used_for(string field, string value, string problem)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Manager)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        fixture.Relate("media-manager", "radarr", Manager);
        fixture.Relate("media-manager", "radarr-4k", node.ToJsonString());

        var reads = fixture.Query(charm => charm.Managers.ReadProviders());

        Assert.Equal([RemoteDataState.Ready, RemoteDataState.Invalid], reads.Select(r => r.State));
        Assert.StartsWith(problem, reads[1].Problem, StringComparison.Ordinal);
        Assert.Single(fixture.Query(charm => charm.Managers.GetProviders()));
    }

    [Theory]
    [InlineData("""{"requester":"overseerr","instance_name":"overseerr"}""", true)]
    [InlineData("""{"requester":"overseerr","instance_name":"Overseerr"}""", false)]
    [InlineData("""{"requester":"overseerr","instance_name":"1overseerr"}""", false)]
    public void Requirer_instance_names_must_be_juju_application_names(string config, bool valid)
    {
        fixture.Relate("library", "overseerr", config);

        Assert.Equal(valid ? 1 : 0, fixture.Query(charm => charm.Library.GetRequirers()).Count);
    }

    [Fact]
    public void The_storage_provider_skips_requirers_with_invalid_instance_names()
    {
        fixture.Relate("shared-storage", "radarr", """{"instance_name":"radarr"}""");
        fixture.Relate("shared-storage", "bad", """{"instance_name":"has space"}""");

        Assert.Equal(["radarr"], fixture.Query(charm => charm.SharedStorage.GetConnectedApps()));
    }

    [Fact]
    public void A_provider_cannot_publish_data_its_requirers_would_refuse()
    {
        fixture.Backend.Leader = true;
        var id = fixture.Backend.AddRelation("shared-storage", "radarr");

        fixture.Run(charm =>
        {
            var e = Assert.Throws<ArgumentException>(() => charm.SharedStorage.PublishData(new MediaStorageProviderData("UPPER_case")));
            Assert.StartsWith("shared-storage: cannot publish MediaStorageProviderData: pvc_name 'UPPER_case' is not a valid Kubernetes name", e.Message, StringComparison.Ordinal);
        });

        Assert.Empty(fixture.Backend.GetLocalAppData(id));
    }

    [Fact]
    public void A_requirer_cannot_publish_an_instance_name_that_is_not_an_application_name()
    {
        fixture.Backend.Leader = true;
        fixture.Relate("media-storage", "charmarr-storage");

        fixture.Run(charm => Assert.Throws<ArgumentException>(() => charm.Storage.PublishData(new MediaStorageRequirerData("Not An App"))));
    }

    [Fact]
    public void The_wire_reader_itself_refuses_values_that_cannot_be_used()
    {
        Assert.False(Interfaces.Common.WireJson.TryDeserialize<MediaStorageProviderData>("""{"pvc_name":"UPPER_case"}""", out var value, out var problem));

        Assert.Null(value);
        Assert.StartsWith("pvc_name 'UPPER_case' is not a valid Kubernetes name", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPPER", "plex", "plex", null, "/", "model 'UPPER' is not a valid Kubernetes name")]
    [InlineData("m", "Plex_Route", "plex", null, "/", "route name 'Plex_Route' is not a valid Kubernetes name")]
    [InlineData("m", "plex", "plex.svc", null, "/", "backend service 'plex.svc' is not a valid Kubernetes name")]
    [InlineData("m", "plex", "plex", "bad host!", "/", "hostnames entry 'bad host!' is not a valid host name")]
    [InlineData("m", "plex", "plex", null, "no-slash", "http_routes path 'no-slash' is not a URL path")]
    [InlineData("m", "plex", "plex", "*.example.com", "/", null)]
    public void Ingress_routes_are_checked_for_what_istio_ingress_makes_of_them(string model, string route, string service, string? host, string path, string? problem)
    {
        var listener = new Interfaces.IstioIngressRoute.Listener(80, Interfaces.IstioIngressRoute.IngressProtocol.Http);
        var config = new Interfaces.IstioIngressRoute.IstioIngressRouteConfig(
            model,
            [listener],
            [new Interfaces.IstioIngressRoute.HttpRoute(
                route,
                listener,
                [new Interfaces.IstioIngressRoute.BackendRef(service, 32400)],
                Hostnames: host is null ? null : [host],
                Matches: [new Interfaces.IstioIngressRoute.HttpRouteMatch(Path: new Interfaces.IstioIngressRoute.HttpPathMatch(path))])]);

        var ok = Interfaces.Common.WireJson.TryDeserialize<Interfaces.IstioIngressRoute.IstioIngressRouteConfig>(Interfaces.Common.WireJson.Serialize(config), out _, out var found);

        Assert.Equal(problem is null, ok);
        if (problem is not null)
        {
            Assert.StartsWith(problem, found, StringComparison.Ordinal);
        }
    }
}
