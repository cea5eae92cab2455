using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>Parsing each tool's <c>--format=json</c> output, including the null, empty and absent cases.</summary>
public sealed class HookToolBackendParsingTests
{
    private readonly RecordingHookToolRunner _runner = new();

    private HookToolBackend Backend => new(_runner);

    [Theory]
    [InlineData("true\n", true)]
    [InlineData("false\n", false)]
    public void IsLeader_parses_json_bool(string stdout, bool expected)
    {
        _runner.Returns("is-leader", stdout);
        Assert.Equal(expected, Backend.IsLeader());
    }

    [Fact]
    public void IsLeader_rejects_smart_format_output()
    {
        _runner.Returns("is-leader", "True\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.IsLeader());
        Assert.Contains("is-leader", ex.Message);
        Assert.Contains("True", ex.Message);
    }

    [Fact]
    public void GetConfig_keeps_json_types()
    {
        _runner.Returns("config-get", "{\"debug\":false,\"port\":8080,\"ratio\":0.5,\"user\":\"admin\"}\n");
        var config = Backend.GetConfig();
        Assert.False(config["debug"]!.GetValue<bool>());
        Assert.Equal(8080, config["port"]!.GetValue<int>());
        Assert.Equal(0.5, config["ratio"]!.GetValue<double>());
        Assert.Equal("admin", config["user"]!.GetValue<string>());
        Assert.Null(config["port"]!.Parent);
    }

    [Fact]
    public void GetConfig_empty_object_is_empty()
    {
        _runner.Returns("config-get", "{}\n");
        Assert.Empty(Backend.GetConfig());
    }

    [Fact]
    public void GetRelationIds_parses_after_last_colon_and_sorts_numerically()
    {
        _runner.Returns("relation-ids", "[\"db:1\",\"db:12\",\"db:2\"]\n");
        Assert.Equal([1, 2, 12], Backend.GetRelationIds("db"));
    }

    [Fact]
    public void GetRelationIds_empty_list()
    {
        _runner.Returns("relation-ids", "[]\n");
        Assert.Empty(Backend.GetRelationIds("db"));
    }

    [Fact]
    public void GetRelationUnits_parses_names()
    {
        _runner.Returns("relation-list", "[\"mysql/0\",\"mysql/10\",\"mysql/2\"]\n");
        Assert.Equal(["mysql/0", "mysql/10", "mysql/2"], Backend.GetRelationUnits("db", 1));
    }

    [Fact]
    public void GetRelationUnits_empty()
    {
        _runner.Returns("relation-list", "[]\n");
        Assert.Empty(Backend.GetRelationUnits("db", 1));
    }

    [Fact]
    public void GetRelationRemoteApp_parses_json_string()
    {
        _runner.Returns("relation-list", "\"mysql\"\n");
        Assert.Equal("mysql", Backend.GetRelationRemoteApp("db", 1));
    }

    [Fact]
    public void GetRelationRemoteApp_null_is_null()
    {
        _runner.Returns("relation-list", "null\n");
        Assert.Null(Backend.GetRelationRemoteApp("db", 1));
    }

    [Fact]
    public void GetRelationData_parses_bag()
    {
        _runner.Returns("relation-get", "{\"egress-subnets\":\"10.1.2.3/32\",\"ingress-address\":\"10.1.2.3\",\"private-address\":\"10.1.2.3\",\"user\":\"bob\"}\n");
        var bag = Backend.GetRelationData("db", 1, "mysql/0", isApp: false);
        Assert.Equal(4, bag.Count);
        Assert.Equal("bob", bag["user"]);
        Assert.Equal("10.1.2.3", bag["ingress-address"]);
    }

    [Theory]
    [InlineData("{}\n")]
    [InlineData("null\n")]
    public void GetRelationData_empty_bag(string stdout)
    {
        _runner.Returns("relation-get", stdout);
        Assert.Empty(Backend.GetRelationData("db", 1, "mysql", isApp: true));
    }

    [Fact]
    public void GetRelationData_decodes_escaped_html_characters()
    {
        _runner.Returns("relation-get", "{\"q\":\"a\\u003cb\\u0026c\\u003e\"}\n");
        Assert.Equal("a<b&c>", Backend.GetRelationData("db", 1, "mysql/0", isApp: false)["q"]);
    }

    [Fact]
    public void GetStatus_unit_form()
    {
        _runner.Returns("status-get", "{\"message\":\"ready\",\"status\":\"active\",\"status-data\":{}}\n");
        var report = Backend.GetStatus(application: false);
        Assert.Equal(Status.Active("ready"), report.Status);
        Assert.Empty(report.Units);
    }

    [Fact]
    public void GetStatus_application_form_with_units()
    {
        _runner.Returns(
            "status-get",
            "{\"application-status\":{\"message\":\"one down\",\"status\":\"blocked\",\"status-data\":{},\"units\":{\"app/0\":{\"message\":\"\",\"status\":\"active\",\"status-data\":{}},\"app/1\":{\"message\":\"disk\",\"status\":\"maintenance\",\"status-data\":{}}}}}\n");
        var report = Backend.GetStatus(application: true);
        Assert.Equal(Status.Blocked("one down"), report.Status);
        Assert.Equal(Status.Active(), report.Units["app/0"]);
        Assert.Equal(Status.Maintenance("disk"), report.Units["app/1"]);
    }

    [Fact]
    public void GetStatus_error_and_unknown_words()
    {
        _runner.Returns("status-get", "{\"message\":\"hook failed\",\"status\":\"error\",\"status-data\":{}}\n");
        Assert.Equal(new Status(StatusKind.Error, "hook failed"), Backend.GetStatus(false).Status);
        _runner.Returns("status-get", "{\"status\":\"unknown\"}\n");
        Assert.Equal(Status.Unknown, Backend.GetStatus(false).Status);
    }

    [Fact]
    public void GetGoalState_parses_units_and_relations_with_space_separated_since()
    {
        _runner.Returns(
            "goal-state",
            "{\"units\":{\"app/0\":{\"status\":\"active\",\"since\":\"2024-05-01 10:00:00Z\"}},\"relations\":{\"db\":{\"mysql\":{\"status\":\"joined\",\"since\":\"2024-05-01 10:01:02Z\"},\"mysql/0\":{\"status\":\"active\"}}}}\n");
        var goal = Backend.GetGoalState();
        Assert.Equal(new GoalStateEntry("active", new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)), goal.Units["app/0"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 1, 2, TimeSpan.Zero), goal.Relations["db"]["mysql"].Since);
        Assert.Equal(new GoalStateEntry("active", null), goal.Relations["db"]["mysql/0"]);
    }

    [Fact]
    public void GetGoalState_without_relations_or_since()
    {
        _runner.Returns("goal-state", "{\"units\":{\"app/0\":{\"status\":\"dying\"}}}\n");
        var goal = Backend.GetGoalState();
        Assert.Equal(new GoalStateEntry("dying", null), goal.Units["app/0"]);
        Assert.Empty(goal.Relations);
    }

    [Fact]
    public void GetActionParameters_keeps_nested_json()
    {
        _runner.Returns("action-get", "{\"compress\":true,\"file\":{\"kind\":\"xz\"},\"timeout\":30}\n");
        var p = Backend.GetActionParameters();
        Assert.True(p["compress"]!.GetValue<bool>());
        Assert.Equal("xz", p["file"]!["kind"]!.GetValue<string>());
        Assert.Equal(30, p["timeout"]!.GetValue<int>());
    }

    [Fact]
    public void GetActionParameters_empty()
    {
        _runner.Returns("action-get", "{}\n");
        Assert.Empty(Backend.GetActionParameters());
    }

    [Fact]
    public void GetOpenedPorts_parses_bare_port_as_tcp_ranges_and_icmp()
    {
        _runner.Returns("opened-ports", "[\"80/tcp\",\"1000-2000/udp\",\"icmp\",\"8080\"]\n");
        Assert.Equal(
            [Port.Tcp(80), new Port(PortProtocol.Udp, 1000, 2000), Port.Icmp, Port.Tcp(8080)],
            Backend.GetOpenedPorts());
    }

    [Fact]
    public void GetOpenedPorts_empty()
    {
        _runner.Returns("opened-ports", "[]\n");
        Assert.Empty(Backend.GetOpenedPorts());
    }

    [Fact]
    public void GetOpenedPorts_bad_entry_is_a_model_error()
    {
        _runner.Returns("opened-ports", "[\"80/sctp\"]\n");
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetOpenedPorts());
        Assert.Contains("opened-ports", ex.Message);
    }

    [Fact]
    public void ListStorage_parses_ids()
    {
        _runner.Returns("storage-list", "[\"data/0\",\"data/1\"]\n");
        Assert.Equal(["data/0", "data/1"], Backend.ListStorage("data"));
    }

    [Fact]
    public void ListStorage_empty()
    {
        _runner.Returns("storage-list", "[]\n");
        Assert.Empty(Backend.ListStorage(null));
    }

    [Fact]
    public void GetStorage_parses_kind_and_location()
    {
        _runner.Returns("storage-get", "{\"kind\":\"block\",\"location\":\"/dev/sdb\"}\n");
        Assert.Equal(new StorageDetails("block", "/dev/sdb"), Backend.GetStorage("data/0"));
    }

    [Fact]
    public void GetState_null_means_empty()
    {
        _runner.Returns("state-get", "null\n");
        Assert.Empty(Backend.GetState());
    }

    [Fact]
    public void GetState_parses_values()
    {
        _runner.Returns("state-get", "{\"a\":\"1\",\"b\":\"\"}\n");
        var state = Backend.GetState();
        Assert.Equal("1", state["a"]);
        Assert.Equal("", state["b"]);
    }

    [Theory]
    [InlineData("secret:cr3jbo3ml4kb8n7q8ou0\n", "secret:cr3jbo3ml4kb8n7q8ou0")]
    [InlineData("secret://6a5b9c2e-0000-4000-8000-000000000000/cr3jbo3ml4kb8n7q8ou0\n", "secret://6a5b9c2e-0000-4000-8000-000000000000/cr3jbo3ml4kb8n7q8ou0")]
    public void AddSecret_returns_trimmed_uri(string stdout, string expected)
    {
        _runner.Returns("secret-add", stdout);
        Assert.Equal(expected, Backend.AddSecret(new Dictionary<string, string> { ["password"] = "x" }, SecretOwner.Unit, new SecretOptions()));
    }

    [Fact]
    public void GetSecret_parses_content()
    {
        _runner.Returns("secret-get", "{\"password\":\"s3cret\",\"user\":\"bob\"}\n");
        var content = Backend.GetSecret("secret:abc", null, false, false);
        Assert.Equal("s3cret", content["password"]);
        Assert.Equal("bob", content["user"]);
    }

    [Fact]
    public void GetSecretInfo_parses_all_fields()
    {
        _runner.Returns(
            "secret-info-get",
            "{\"cr3jbo3ml4kb8n7q8ou0\":{\"revision\":2,\"label\":\"db-pw\",\"owner\":\"application\",\"description\":\"x\",\"rotation\":\"monthly\",\"expiry\":\"2025-01-01T06:06:06Z\",\"rotates\":\"2024-12-01T00:00:00Z\",\"access\":[{\"target\":\"application-wordpress\",\"scope\":\"relation-8\",\"role\":\"view\"}]}}\n");
        var info = Backend.GetSecretInfo("secret:cr3jbo3ml4kb8n7q8ou0", null);
        Assert.Equal(
            new SecretInfo(
                "cr3jbo3ml4kb8n7q8ou0",
                "db-pw",
                2,
                SecretOwner.Application,
                "x",
                SecretRotatePolicy.Monthly,
                new DateTimeOffset(2025, 1, 1, 6, 6, 6, TimeSpan.Zero),
                new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            info);
    }

    [Fact]
    public void GetSecretInfo_optional_fields_absent()
    {
        _runner.Returns("secret-info-get", "{\"cr3jbo3ml4kb8n7q8ou0\":{\"revision\":1,\"label\":\"\",\"owner\":\"unit\"}}\n");
        Assert.Equal(
            new SecretInfo("cr3jbo3ml4kb8n7q8ou0", "", 1, SecretOwner.Unit),
            Backend.GetSecretInfo("secret:cr3jbo3ml4kb8n7q8ou0", null));
    }

    [Fact]
    public void GetSecretIds_null_means_none()
    {
        _runner.Returns("secret-ids", "null\n");
        Assert.Empty(Backend.GetSecretIds());
    }

    [Fact]
    public void GetSecretIds_parses_bare_ids()
    {
        _runner.Returns("secret-ids", "[\"cr3jbo3ml4kb8n7q8ou0\",\"cr3jbo3ml4kb8n7q8ou1\"]\n");
        Assert.Equal(["cr3jbo3ml4kb8n7q8ou0", "cr3jbo3ml4kb8n7q8ou1"], Backend.GetSecretIds());
    }

    [Fact]
    public void GetNetwork_parses_full_output()
    {
        _runner.Returns(
            "network-get",
            "{\"bind-addresses\":[{\"mac-address\":\"00:16:3e:aa:bb:cc\",\"interface-name\":\"eth0\",\"addresses\":[{\"hostname\":\"\",\"value\":\"10.0.0.5\",\"cidr\":\"10.0.0.0/24\"}]}],\"egress-subnets\":[\"10.0.0.5/32\"],\"ingress-addresses\":[\"10.0.0.5\"]}\n");
        var net = Backend.GetNetwork("db", null);
        var bind = Assert.Single(net.BindAddresses);
        Assert.Equal("eth0", bind.InterfaceName);
        Assert.Equal("00:16:3e:aa:bb:cc", bind.MacAddress);
        Assert.Equal(new NetworkAddress("10.0.0.5", "10.0.0.0/24", ""), Assert.Single(bind.Addresses));
        Assert.Equal(["10.0.0.5"], net.IngressAddresses);
        Assert.Equal(["10.0.0.5/32"], net.EgressSubnets);
        Assert.Equal("10.0.0.5", net.BindAddress);
        Assert.Equal("10.0.0.5", net.IngressAddress);
    }

    [Fact]
    public void GetNetwork_with_all_keys_omitted()
    {
        _runner.Returns("network-get", "{}\n");
        var net = Backend.GetNetwork("db", null);
        Assert.Empty(net.BindAddresses);
        Assert.Empty(net.IngressAddresses);
        Assert.Empty(net.EgressSubnets);
        Assert.Null(net.BindAddress);
        Assert.Null(net.IngressAddress);
    }

    [Fact]
    public void GetNetwork_reads_address_under_address_key()
    {
        _runner.Returns("network-get", "{\"bind-addresses\":[{\"interface-name\":\"eth0\",\"addresses\":[{\"address\":\"10.0.0.6\"}]}]}\n");
        var net = Backend.GetNetwork("db", null);
        Assert.Equal(new NetworkAddress("10.0.0.6"), Assert.Single(Assert.Single(net.BindAddresses).Addresses));
        Assert.Equal("", net.BindAddresses[0].MacAddress);
        Assert.Empty(net.IngressAddresses);
    }

    [Fact]
    public void GetResource_returns_path_without_newline()
    {
        _runner.Returns("resource-get", "/var/lib/juju/agents/unit-app-0/resources/software/software.zip");
        Assert.Equal("/var/lib/juju/agents/unit-app-0/resources/software/software.zip", Backend.GetResource("software"));
    }

    [Fact]
    public void GetResource_tolerates_a_trailing_newline_but_keeps_other_characters()
    {
        _runner.Returns("resource-get", "/srv/res/my file \n");
        Assert.Equal("/srv/res/my file ", Backend.GetResource("software"));
    }

    [Fact]
    public void GetResource_empty_output_is_a_model_error()
    {
        _runner.Returns("resource-get", "");
        Assert.Throws<JujuModelException>(() => Backend.GetResource("software"));
    }

    [Theory]
    [InlineData("config-get", "{\"a\":")]
    [InlineData("config-get", "key: value")]
    [InlineData("state-get", "[1,2]")]
    public void Unparseable_output_is_a_model_error_naming_the_tool_and_output(string tool, string stdout)
    {
        _runner.Returns(tool, stdout);
        var ex = Assert.Throws<JujuModelException>(() =>
        {
            if (tool == "config-get")
            {
                Backend.GetConfig();
            }
            else
            {
                Backend.GetState();
            }
        });
        Assert.StartsWith(tool, ex.Message);
        Assert.Contains(stdout, ex.Message);
    }

    [Fact]
    public void Unparseable_output_is_truncated_in_the_message()
    {
        _runner.Returns("config-get", "x" + new string('y', 10_000));
        var ex = Assert.Throws<JujuModelException>(() => Backend.GetConfig());
        Assert.True(ex.Message.Length < 1000, $"message is {ex.Message.Length} chars");
    }

    [Fact]
    public void GetRelationData_non_string_value_is_a_model_error()
    {
        _runner.Returns("relation-get", "{\"k\":1}\n");
        Assert.Throws<JujuModelException>(() => Backend.GetRelationData("db", 1, "mysql/0", false));
    }

    [Fact]
    public void Config_values_are_independent_of_the_parsed_document()
    {
        _runner.Returns("config-get", "{\"nested\":{\"a\":1}}\n");
        var node = Backend.GetConfig()["nested"];
        Assert.IsType<JsonObject>(node);
    }
}
