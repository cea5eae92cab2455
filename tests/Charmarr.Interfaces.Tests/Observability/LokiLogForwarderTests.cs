using Charmarr.Interfaces.LokiPushApi;
using Charmarr.Ops.Pebble;

namespace Charmarr.Interfaces.Tests.Observability;

public sealed class LokiLogForwarderTests : IDisposable
{
    private readonly CharmFixture<CosCharm> plex = new("plex/0", CosCharm.Metadata);

    public void Dispose() => plex.Dispose();

    [Fact]
    public void Each_loki_unit_gets_an_enabled_target_labelled_as_the_library_labels_it()
    {
        var layer = LokiLogForwarder.Layer(CosGolden.Topology, new Dictionary<string, string> { ["loki/0"] = "http://loki-0:3100/loki/api/v1/push" }, new Dictionary<string, PebbleLogTarget>());

        var target = Assert.Single(layer.LogTargets);
        Assert.Equal("loki/0", target.Key);
        Assert.Equal(PebbleOverride.Replace, target.Value.Override);
        Assert.Equal("loki", target.Value.Type);
        Assert.Equal("http://loki-0:3100/loki/api/v1/push", target.Value.Location);
        Assert.Equal(["all"], target.Value.Services);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["product"] = "Juju",
                ["charm"] = "plex-k8s",
                ["juju_model"] = "media",
                ["juju_model_uuid"] = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                ["juju_application"] = "plex",
                ["juju_unit"] = "plex/0",
                ["job"] = "juju_media_1b2c3d4e_plex",
            },
            target.Value.Labels);
    }

    [Fact]
    public void A_target_whose_loki_unit_left_is_disabled_and_one_already_disabled_is_left_alone()
    {
        var current = new Dictionary<string, PebbleLogTarget>
        {
            ["loki/0"] = new() { Type = "loki", Location = "http://old", Services = ["all"] },
            ["loki/9"] = new() { Type = "loki", Location = "(removed)", Services = ["-all"] },
        };

        var layer = LokiLogForwarder.Layer(CosGolden.Topology, new Dictionary<string, string>(), current);

        var disabled = Assert.Single(layer.LogTargets);
        Assert.Equal("loki/0", disabled.Key);
        Assert.Equal(["-all"], disabled.Value.Services);
        Assert.Equal("(removed)", disabled.Value.Location);
    }

    [Fact]
    public void Endpoints_come_from_each_loki_units_endpoint_and_a_relation_with_a_unit_not_ready_counts_for_nothing()
    {
        var ready = plex.Backend.AddRelation("logging", "loki");
        plex.Backend.AddRemoteUnit(ready, "loki/0");
        plex.Backend.SetRemoteUnitData(ready, "loki/0", new Dictionary<string, string> { ["endpoint"] = CosGolden.LokiEndpoint });
        var partial = plex.Backend.AddRelation("logging", "other-loki");
        plex.Backend.AddRemoteUnit(partial, "other-loki/0");
        plex.Backend.AddRemoteUnit(partial, "other-loki/1");
        plex.Backend.SetRemoteUnitData(partial, "other-loki/0", new Dictionary<string, string> { ["endpoint"] = """{"url": "http://other:3100/loki/api/v1/push"}""" });
        plex.Backend.SetRemoteUnitData(partial, "other-loki/1", new Dictionary<string, string> { ["endpoint"] = "{\"url\": 3}" });

        var endpoints = plex.Query(charm => charm.Logging.Endpoints());

        Assert.Equal(new Dictionary<string, string> { ["loki/0"] = "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push" }, endpoints);
    }

    [Fact]
    public void The_leader_writes_the_librarys_metadata_and_empty_alert_rules()
    {
        var data = LokiLogForwarder.AppData(CosGolden.Topology);

        Assert.Equal(CosGolden.ScrapeMetadata, data["metadata"]);
        Assert.Equal("{}", data["alert_rules"]);
    }
}
