namespace Charmarr.Interfaces.Tests.IstioIngressRoute;

public sealed class IstioIngressRouteRequirerTests : IDisposable
{
    private readonly CharmFixture<InterfacesCharm> plex = new("plex/0", InterfacesCharm.Metadata);

    public void Dispose() => plex.Dispose();

    private int RelateIngress(string app, params (string Key, string Value)[] data) =>
        plex.Relate("istio-ingress-route", app, null, data);

    [Fact]
    public void The_leader_submits_the_reference_bytes_to_the_relation()
    {
        plex.Backend.Leader = true;
        var id = RelateIngress("istio-ingress");

        plex.Run(charm => charm.Ingress.SubmitConfig(IstioIngressRouteConfigTests.PlexConfig()));

        Assert.Equal(IstioIngressRouteConfigTests.PlexGolden, plex.Backend.GetLocalAppData(id)["config"]);
    }

    [Fact]
    public void A_non_leader_submit_is_a_logged_no_op_not_an_error()
    {
        var id = RelateIngress("istio-ingress");

        plex.Run(charm => charm.Ingress.SubmitConfig(IstioIngressRouteConfigTests.PlexConfig()));

        Assert.Empty(plex.Backend.GetLocalAppData(id));
        Assert.Contains(plex.LogLines(JujuLogLevel.Debug), l => l.Contains("istio-ingress-route", StringComparison.Ordinal));
    }

    [Fact]
    public void It_is_ready_once_a_relation_exists()
    {
        Assert.False(plex.Query(charm => charm.Ingress.IsReady()));

        RelateIngress("istio-ingress");

        Assert.True(plex.Query(charm => charm.Ingress.IsReady()));
    }

    [Fact]
    public void External_host_and_TLS_are_read_from_the_provider()
    {
        RelateIngress("istio-ingress", ("external_host", "media.example.com"), ("tls_enabled", "True"));

        var (host, tls) = plex.Query(charm => (charm.Ingress.ExternalHost, charm.Ingress.TlsEnabled));

        Assert.Equal(("media.example.com", true), (host, tls));
    }

    [Theory]
    [InlineData("False")]
    [InlineData("true")]
    [InlineData("")]
    public void TLS_is_on_only_for_Pythons_exact_True(string value)
    {
        RelateIngress("istio-ingress", ("tls_enabled", value));

        Assert.False(plex.Query(charm => charm.Ingress.TlsEnabled));
    }

    [Fact]
    public void Without_provider_data_the_host_is_empty_and_TLS_off()
    {
        RelateIngress("istio-ingress");

        Assert.Equal((string.Empty, false), plex.Query(charm => (charm.Ingress.ExternalHost, charm.Ingress.TlsEnabled)));
    }

    [Fact]
    public void With_several_relations_the_first_non_empty_host_wins_and_the_first_relation_decides_TLS()
    {
        RelateIngress("istio-internal", ("external_host", ""), ("tls_enabled", "False"));
        RelateIngress("istio-public", ("external_host", "media.example.com"), ("tls_enabled", "True"));

        var (host, tls) = plex.Query(charm => (charm.Ingress.ExternalHost, charm.Ingress.TlsEnabled));

        Assert.Equal(("media.example.com", false), (host, tls));
    }

    [Fact]
    public void Changed_is_raised_on_relation_changed_and_broken()
    {
        var id = RelateIngress("istio-ingress", ("external_host", "h"));

        plex.RelationHook("changed", "istio-ingress-route", id);
        plex.RelationHook("broken", "istio-ingress-route", id);

        Assert.Equal([("istio-ingress-route", id, false, false), ("istio-ingress-route", id, true, false)], plex.Probe.Changed);
    }
}
