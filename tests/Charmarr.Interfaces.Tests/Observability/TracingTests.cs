using Charmarr.Interfaces.Tracing;

namespace Charmarr.Interfaces.Tests.Observability;

public sealed class TracingTests : IDisposable
{
    private readonly CharmFixture<CosCharm> plex = new("plex/0", CosCharm.Metadata);

    public void Dispose() => plex.Dispose();

    [Fact]
    public void The_leader_requests_otlp_http_as_the_library_does()
    {
        plex.Backend.Leader = true;
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");

        Assert.Equal(0, plex.RelationHook("created", "charm-tracing", id));

        Assert.Equal(CosGolden.TracingRequest, plex.Backend.GetLocalAppData(id)["receivers"]);
    }

    [Fact]
    public void A_non_leader_requests_nothing()
    {
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");

        Assert.Equal(0, plex.RelationHook("created", "charm-tracing", id));

        Assert.Empty(plex.Backend.GetLocalAppData(id));
    }

    [Fact]
    public void The_otlp_http_endpoint_is_read_from_tempos_receivers()
    {
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");
        plex.Backend.SetRemoteAppData(id, new Dictionary<string, string> { ["receivers"] = CosGolden.TempoReceivers });

        Assert.Equal("http://tempo.cos.svc.cluster.local:4318", plex.Query(charm => charm.Tracing.GetEndpoint("otlp_http")));
        Assert.Equal("tempo.cos.svc.cluster.local:4317", plex.Query(charm => charm.Tracing.GetEndpoint("otlp_grpc")));
        Assert.Null(plex.Query(charm => charm.Tracing.GetEndpoint("zipkin")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"receivers": []}""")]
    [InlineData("""[{"protocol": {"name": "otlp_http", "type": "carrier-pigeon"}, "url": "http://x"}]""")]
    [InlineData("""[{"protocol": {"name": "otlp_http"}, "url": "http://x"}]""")]
    public void Receivers_that_are_not_the_librarys_shape_read_as_none_with_a_warning(string receivers)
    {
        var id = plex.Backend.AddRelation("charm-tracing", "tempo");
        plex.Backend.SetRemoteAppData(id, new Dictionary<string, string> { ["receivers"] = receivers });

        Assert.Null(plex.Query(charm => charm.Tracing.GetEndpoint("otlp_http")));
        Assert.Contains(plex.LogLines(JujuLogLevel.Warning), line => line.Contains("charm-tracing:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_protocols_and_empty_requests_are_refused_where_the_requirer_is_made()
    {
        var unknown = Assert.Throws<ArgumentException>(() => TracingRequirer.CheckProtocols(["otlp_http", "smoke-signals"], "charm-tracing"));
        Assert.Contains("got [otlp_http, smoke-signals]", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TracingRequirer.CheckProtocols([], "charm-tracing"));
        TracingRequirer.CheckProtocols(["otlp_http", "otlp_grpc"], "charm-tracing");
    }
}
