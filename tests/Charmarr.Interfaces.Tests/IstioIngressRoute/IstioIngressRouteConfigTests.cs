using Charmarr.Interfaces.Common;
using Charmarr.Interfaces.IstioIngressRoute;

namespace Charmarr.Interfaces.Tests.IstioIngressRoute;

/// <summary>The config JSON of the istio-ingress-route interface.</summary>
public sealed class IstioIngressRouteConfigTests
{
    /// <summary>Reference §1.8: what plex-k8s writes for model "charmarr" and ingress-port 80.</summary>
    internal const string PlexGolden = """{"model":"charmarr","listeners":[{"port":80,"protocol":"HTTP"}],"http_routes":[{"name":"plex","listener":{"port":80,"protocol":"HTTP"},"backends":[{"service":"plex","port":32400,"weight":null}],"hostnames":null,"matches":[{"headers":null,"path":{"type":"PathPrefix","value":"/"},"method":null}],"filters":null}],"grpc_routes":[]}""";

    internal static IstioIngressRouteConfig PlexConfig()
    {
        var listener = new Listener(80, IngressProtocol.Http);
        return new IstioIngressRouteConfig(
            "charmarr",
            [listener],
            [new HttpRoute("plex", listener, [new BackendRef("plex", 32400)], Matches: [new HttpRouteMatch(Path: new HttpPathMatch("/"))])]);
    }

    private static IstioIngressRouteConfig RoundTrip(string json)
    {
        Assert.True(WireJson.TryDeserialize<IstioIngressRouteConfig>(json, out var config, out var problem), problem);
        return config!;
    }

    [Fact]
    public void Plexs_route_serialises_to_the_reference_bytes()
    {
        Assert.Equal(PlexGolden, WireJson.Serialize(PlexConfig()));
    }

    [Fact]
    public void The_reference_bytes_read_back_and_serialise_unchanged()
    {
        var config = RoundTrip(PlexGolden);

        Assert.Equal("plex", config.HttpRoutes[0].Backends[0].Service);
        Assert.Equal(PlexGolden, WireJson.Serialize(config));
    }

    [Fact]
    public void A_config_with_only_the_model_gets_empty_lists()
    {
        Assert.Equal("""{"model":"m","listeners":[],"http_routes":[],"grpc_routes":[]}""", WireJson.Serialize(RoundTrip("""{"model":"m"}""")));
    }

    [Fact]
    public void Filters_write_their_spec_first_and_type_last_with_Gateway_API_path_keys()
    {
        var listener = new Listener(443, IngressProtocol.Http);
        HttpRouteFilter[] filters =
        [
            new UrlRewriteFilter(new UrlRewriteSpec(Path: new PathModifier(PathModifierType.ReplacePrefixMatch, "/"))),
            new RequestRedirectFilter(new RequestRedirectSpec(Scheme: "https", Path: new PathModifier(PathModifierType.ReplaceFullPath, "/web"))),
        ];
        var route = new HttpRoute("plex", listener, [new BackendRef("plex", 32400, 100)], ["plex.example"], Filters: filters);

        var json = WireJson.Serialize(new IstioIngressRouteConfig("charmarr", [listener], [route]));

        Assert.Contains(
            ""","filters":[{"urlRewrite":{"hostname":null,"path":{"type":"ReplacePrefixMatch","replacePrefixMatch":"/"}},"type":"URLRewrite"},{"requestRedirect":{"scheme":"https","hostname":null,"path":{"type":"ReplaceFullPath","replaceFullPath":"/web"},"port":null,"statusCode":301},"type":"RequestRedirect"}]""",
            json,
            StringComparison.Ordinal);
        Assert.Equal(json, WireJson.Serialize(RoundTrip(json)));
    }

    [Fact]
    public void Grpc_routes_with_method_matches_and_header_matches_round_trip()
    {
        const string json = """{"model":"m","listeners":[{"port":9090,"protocol":"GRPC"}],"http_routes":[],"grpc_routes":[{"name":"api","listener":{"port":9090,"protocol":"GRPC"},"backends":[{"service":"api","port":9090,"weight":null}],"hostnames":null,"matches":[{"headers":{"x-env":"prod"},"method":{"service":"pkg.Users","method":null}}],"filters":[{"requestRedirect":{"scheme":null,"hostname":"other","path":null,"port":8443,"statusCode":302},"type":"RequestRedirect"}]}]}""";

        var config = RoundTrip(json);

        Assert.Equal("pkg.Users", config.GrpcRoutes[0].Matches![0].Method!.Service);
        Assert.Equal("grpc-9090", config.Listeners[0].Name);
        Assert.Equal(json, WireJson.Serialize(config));
    }

    [Theory]
    [InlineData("""{"type":"ReplaceFullPath","value":"/x"}""", PathModifierType.ReplaceFullPath, "/x")]
    [InlineData("""{"replacePrefixMatch":"/p"}""", PathModifierType.ReplacePrefixMatch, "/p")]
    [InlineData("""{"replaceFullPath":"/f"}""", PathModifierType.ReplaceFullPath, "/f")]
    [InlineData("""{"type":"ReplaceFullPath","replacePrefixMatch":"/p"}""", PathModifierType.ReplaceFullPath, "/p")]
    public void Path_modifiers_are_read_in_both_shapes_the_Python_model_accepts(string modifier, PathModifierType type, string value)
    {
        var json = $$$"""{"model":"m","http_routes":[{"name":"r","listener":{"port":80,"protocol":"HTTP"},"backends":[],"filters":[{"urlRewrite":{"path":{{{modifier}}}}}]}]}""";

        var filter = Assert.IsType<UrlRewriteFilter>(RoundTrip(json).HttpRoutes[0].Filters![0]);

        Assert.Equal(new PathModifier(type, value), filter.UrlRewrite.Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Ports_outside_1_to_65535_are_refused_when_built(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Listener(port, IngressProtocol.Http));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackendRef("s", port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Listener(80, IngressProtocol.Http) with { Port = port });
    }

    [Theory]
    [InlineData("""{"model":"m","listeners":[{"port":0,"protocol":"HTTP"}]}""")]
    [InlineData("""{"model":"m","listeners":[{"port":80,"protocol":"http"}]}""")]
    [InlineData("""{"model":"m","http_routes":[{"name":"r","listener":{"port":80,"protocol":"HTTP"},"backends":[{"service":"s","port":80,"weight":101}]}]}""")]
    [InlineData("""{"model":"m","http_routes":[{"name":"r","listener":{"port":80,"protocol":"HTTP"},"backends":[],"filters":[{"type":"URLRewrite"}]}]}""")]
    [InlineData("""{"listeners":[]}""")]
    public void Invalid_configs_are_rejected_without_throwing(string json)
    {
        Assert.False(WireJson.TryDeserialize<IstioIngressRouteConfig>(json, out _, out var problem));
        Assert.NotNull(problem);
    }
}
