using System.Text;
using System.Text.Json.Nodes;
using AutoFixture.Xunit3;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

/// <summary>Config, ports, unit state, storage, network and resources.</summary>
public sealed class UnitResourcesTests
{
    private readonly MemoryJujuBackend backend = new();

    [Fact]
    public void Config_has_non_null_defaults_overridden_by_set_values_and_resets_to_the_default()
    {
        backend.SetConfigDefault("port", 80);
        backend.SetConfigDefault("claim-token", null);
        backend.SetConfig("port", 8080);
        Assert.Equal(8080, backend.GetConfig()["port"]!.GetValue<int>());
        Assert.DoesNotContain("claim-token", backend.GetConfig().Keys);

        backend.SetConfig("port", null);

        Assert.Equal(80, backend.GetConfig()["port"]!.GetValue<int>());
    }

    [Fact]
    public void Config_values_handed_out_are_copies()
    {
        backend.SetConfig("labels", new JsonArray("a"));

        ((JsonArray)backend.GetConfig()["labels"]!).Add("b");

        Assert.Single((JsonArray)backend.GetConfig()["labels"]!);
    }

    [Fact]
    public void Ports_open_once_close_quietly_and_list_by_protocol_then_number()
    {
        backend.OpenPort(Port.Udp(53));
        backend.OpenPort(Port.Tcp(9099));
        backend.OpenPort(Port.Tcp(32400));
        backend.OpenPort(Port.Tcp(9099));
        backend.ClosePort(Port.Tcp(1));

        Assert.Equal([Port.Tcp(9099), Port.Tcp(32400), Port.Udp(53)], backend.GetOpenedPorts());
    }

    [Theory]
    [AutoData]
    public void Unit_state_round_trips_any_value(string key, string value)
    {
        backend.SetState(new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value, ["empty"] = "" });

        Assert.Equal(value, backend.GetState()[key]);
        Assert.Equal("", backend.GetState()["empty"]);
        backend.DeleteState(key);
        Assert.DoesNotContain(key, backend.GetState().Keys);
    }

    [Fact]
    public void Unit_state_over_Jujus_limits_is_refused_as_production_refuses_it()
    {
        var longKey = new string('k', JujuLimits.MaxStateKeyBytes + 1);
        var longValue = new StringBuilder().Append('v', JujuLimits.MaxStateValueBytes + 1).ToString();

        Assert.Throws<ArgumentException>(() => backend.SetState(new Dictionary<string, string> { [longKey] = "v" }));
        Assert.Throws<ArgumentException>(() => backend.SetState(new Dictionary<string, string> { ["k"] = longValue }));
        Assert.Empty(backend.UnitState);
    }

    [Fact]
    public void Storage_is_numbered_per_name_listed_and_described()
    {
        Assert.Equal("config/0", backend.AttachStorage("config", "/config"));
        Assert.Equal("media/0", backend.AttachStorage("media", "/data"));
        Assert.Equal("config/1", backend.AttachStorage("config", "/config2"));

        Assert.Equal(["config/0", "config/1"], backend.ListStorage("config"));
        Assert.Equal(new StorageDetails("filesystem", "/data"), backend.GetStorage("media/0"));
        Assert.Throws<JujuModelException>(() => backend.GetStorage("media/5"));
    }

    [Fact]
    public void Storage_add_is_recorded_as_a_request()
    {
        backend.AddStorage("media", 2);

        Assert.Equal([new StorageRequest("media", 2)], backend.StorageRequests);
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.AddStorage("media", 0));
    }

    [Fact]
    public void Network_get_answers_per_binding_with_a_default_and_checks_the_relation()
    {
        var custom = new NetworkInfo([], ["192.0.2.7"], []);
        backend.SetNetwork("ingress", custom);

        Assert.Equal(custom, backend.GetNetwork("ingress", null));
        Assert.Equal("10.0.0.5", backend.GetNetwork("juju-info", null).IngressAddress);
        Assert.Throws<RelationNotFoundException>(() => backend.GetNetwork("ingress", 3));

        backend.DefaultNetwork = null;
        Assert.Throws<JujuModelException>(() => backend.GetNetwork("other", null));
    }

    [Fact]
    public void Resources_are_found_by_name_or_fail_like_resource_get()
    {
        backend.SetResource("plex-image", "/tmp/plex-image.json");

        Assert.Equal("/tmp/plex-image.json", backend.GetResource("plex-image"));
        var ex = Assert.Throws<JujuModelException>(() => backend.GetResource("missing"));
        Assert.Equal("resource-get", ex.Tool);
    }

    [Fact]
    public void A_unit_name_without_a_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MemoryJujuBackend("plex"));
        Assert.Equal("plex", new MemoryJujuBackend("plex/3").AppName);
    }
}
