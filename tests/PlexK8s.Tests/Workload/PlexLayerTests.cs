using Charmarr.Ops.Pebble;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Workload;

public sealed class PlexLayerTests
{
    [Fact]
    public void Leader_layer_runs_the_quoted_binary_as_puid_and_pgid()
    {
        var layer = PlexLayer.ForLeader(new FileOwner(1050, 1060), "Europe/Paris");

        var service = layer.Services["plex"];
        Assert.Equal("\"/usr/lib/plexmediaserver/Plex Media Server\"", service.Command);
        Assert.Equal(1050, service.UserId);
        Assert.Equal(1060, service.GroupId);
        Assert.Equal(ServiceStartup.Enabled, service.Startup);
        Assert.Equal(PebbleOverride.Replace, service.Override);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["HOME"] = "/config",
                ["PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR"] = "/config/Library/Application Support",
                ["TZ"] = "Europe/Paris",
            },
            service.Environment);
    }

    [Fact]
    public void Leader_layer_has_the_identity_readiness_check()
    {
        var check = PlexLayer.ForLeader(new FileOwner(1000, 1000), "Etc/UTC").Checks["plex-ready"];

        Assert.Equal(CheckLevel.Ready, check.Level);
        Assert.Equal("http://localhost:32400/identity", check.Http!.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), check.Period);
        Assert.Equal(TimeSpan.FromSeconds(3), check.Timeout);
        Assert.Equal(3, check.Threshold);
    }

    [Fact]
    public void Leader_layer_yaml_is_one_pebble_accepts()
    {
        var yaml = PlexLayer.ForLeader(new FileOwner(1000, 1000), "Etc/UTC").ToYaml();

        Assert.Equal(PlexLayer.ForLeader(new FileOwner(1000, 1000), "Etc/UTC"), PebbleLayer.Parse(yaml));
    }

    [Fact]
    public void Standby_layer_has_the_check_and_no_service()
    {
        var layer = PlexLayer.ForStandby();

        Assert.Empty(layer.Services);
        Assert.Equal(PlexLayer.ReadyCheck, Assert.Single(layer.Checks).Value);
    }
}
