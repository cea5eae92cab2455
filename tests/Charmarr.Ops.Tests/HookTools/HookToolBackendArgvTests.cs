using Charmarr.Ops.Backend;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Model;
using Xunit;

namespace Charmarr.Ops.Tests.HookTools;

/// <summary>Golden tests: the exact argv (and stdin) of every backend member. These are wire contracts with Juju.</summary>
public sealed class HookToolBackendArgvTests
{
    private readonly RecordingHookToolRunner _runner = new();

    private HookToolBackend Backend => new(_runner);

    [Fact]
    public void IsLeader_runs_is_leader_with_json()
    {
        _runner.Returns("is-leader", "true\n");
        Backend.IsLeader();
        Assert.Equal(["is-leader", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetConfig_runs_config_get_with_json()
    {
        _runner.Returns("config-get", "{}\n");
        Backend.GetConfig();
        Assert.Equal(["config-get", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetRelationIds_passes_endpoint_then_json()
    {
        _runner.Returns("relation-ids", "[]\n");
        Backend.GetRelationIds("db");
        Assert.Equal(["relation-ids", "db", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetRelationUnits_uses_endpoint_colon_id()
    {
        _runner.Returns("relation-list", "[]\n");
        Backend.GetRelationUnits("db", 7);
        Assert.Equal(["relation-list", "--format=json", "-r", "db:7"], _runner.SingleArgv());
    }

    [Fact]
    public void GetRelationRemoteApp_adds_app_flag()
    {
        _runner.Returns("relation-list", "\"mysql\"\n");
        Backend.GetRelationRemoteApp("db", 7);
        Assert.Equal(["relation-list", "--format=json", "-r", "db:7", "--app"], _runner.SingleArgv());
    }

    [Fact]
    public void GetRelationData_unit_bag_reads_all_keys_of_the_unit()
    {
        _runner.Returns("relation-get", "{}\n");
        Backend.GetRelationData("db", 7, "mysql/0", isApp: false);
        Assert.Equal(["relation-get", "--format=json", "-r", "db:7", "-", "mysql/0"], _runner.SingleArgv());
    }

    [Fact]
    public void GetRelationData_app_bag_adds_app_flag()
    {
        _runner.Returns("relation-get", "{}\n");
        Backend.GetRelationData("db", 7, "mysql", isApp: true);
        Assert.Equal(["relation-get", "--format=json", "-r", "db:7", "--app", "-", "mysql"], _runner.SingleArgv());
    }

    [Fact]
    public void SetRelationData_unit_bag_sends_compact_json_on_stdin()
    {
        Backend.SetRelationData("db", 7, new Dictionary<string, string> { ["user"] = "bob", ["gone"] = "" }, isApp: false);
        var call = Assert.Single(_runner.Calls);
        Assert.Equal(["relation-set", "-r", "db:7", "--file", "-"], [call.Tool, .. call.Args]);
        Assert.Equal("{\"user\":\"bob\",\"gone\":\"\"}", call.Stdin);
    }

    [Fact]
    public void SetRelationData_app_bag_adds_app_flag()
    {
        Backend.SetRelationData("db", 7, new Dictionary<string, string> { ["k"] = "v" }, isApp: true);
        var call = Assert.Single(_runner.Calls);
        Assert.Equal(["relation-set", "-r", "db:7", "--app", "--file", "-"], [call.Tool, .. call.Args]);
        Assert.Equal("{\"k\":\"v\"}", call.Stdin);
    }

    [Fact]
    public void SetRelationData_with_no_changes_makes_no_call()
    {
        Backend.SetRelationData("db", 7, new Dictionary<string, string>(), isApp: false);
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void GetStatus_unit_includes_data_and_json()
    {
        _runner.Returns("status-get", "{\"message\":\"\",\"status\":\"active\",\"status-data\":{}}\n");
        Backend.GetStatus(application: false);
        Assert.Equal(["status-get", "--include-data", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetStatus_application_adds_application_flag()
    {
        _runner.Returns("status-get", "{\"application-status\":{\"message\":\"\",\"status\":\"active\",\"status-data\":{},\"units\":{}}}\n");
        Backend.GetStatus(application: true);
        Assert.Equal(["status-get", "--include-data", "--format=json", "--application"], _runner.SingleArgv());
    }

    [Fact]
    public void SetStatus_unit_puts_double_dash_before_the_message()
    {
        Backend.SetStatus(Status.Blocked("-needs config"), application: false);
        Assert.Equal(["status-set", "blocked", "--", "-needs config"], _runner.SingleArgv());
    }

    [Fact]
    public void SetStatus_application_adds_application_flag_and_passes_empty_message()
    {
        Backend.SetStatus(Status.Active(), application: true);
        Assert.Equal(["status-set", "--application", "active", "--", ""], _runner.SingleArgv());
    }

    [Fact]
    public void SetApplicationVersion_puts_double_dash_before_the_version()
    {
        Backend.SetApplicationVersion("-1.2");
        Assert.Equal(["application-version-set", "--", "-1.2"], _runner.SingleArgv());
    }

    [Fact]
    public void GetGoalState_runs_goal_state_with_json()
    {
        _runner.Returns("goal-state", "{\"units\":{},\"relations\":{}}\n");
        Backend.GetGoalState();
        Assert.Equal(["goal-state", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetActionParameters_runs_action_get_with_json()
    {
        _runner.Returns("action-get", "{}\n");
        Backend.GetActionParameters();
        Assert.Equal(["action-get", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void SetActionResults_passes_key_equals_value_in_order()
    {
        Backend.SetActionResults(new Dictionary<string, string> { ["out"] = "a=b", ["file.kind"] = "-xz" });
        Assert.Equal(["action-set", "out=a=b", "file.kind=-xz"], _runner.SingleArgv());
    }

    [Fact]
    public void SetActionResults_with_no_results_makes_no_call()
    {
        Backend.SetActionResults(new Dictionary<string, string>());
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void FailAction_puts_double_dash_before_the_message()
    {
        Backend.FailAction("-x broke");
        Assert.Equal(["action-fail", "--", "-x broke"], _runner.SingleArgv());
    }

    [Fact]
    public void LogAction_puts_double_dash_before_the_message()
    {
        Backend.LogAction("-50%");
        Assert.Equal(["action-log", "--", "-50%"], _runner.SingleArgv());
    }

    [Theory]
    [InlineData(JujuLogLevel.Trace, "TRACE")]
    [InlineData(JujuLogLevel.Debug, "DEBUG")]
    [InlineData(JujuLogLevel.Info, "INFO")]
    [InlineData(JujuLogLevel.Warning, "WARNING")]
    [InlineData(JujuLogLevel.Error, "ERROR")]
    [InlineData(JujuLogLevel.Critical, "CRITICAL")]
    public void Log_passes_level_and_double_dash(JujuLogLevel level, string expectedLevel)
    {
        Backend.Log(level, "--hello");
        Assert.Equal(["juju-log", "--log-level", expectedLevel, "--", "--hello"], _runner.SingleArgv());
    }

    [Fact]
    public void OpenPort_passes_juju_notation()
    {
        Backend.OpenPort(Port.Tcp(8080));
        Assert.Equal(["open-port", "8080/tcp"], _runner.SingleArgv());
    }

    [Fact]
    public void OpenPort_range_and_icmp()
    {
        Backend.OpenPort(new Port(PortProtocol.Udp, 1000, 2000));
        Backend.OpenPort(Port.Icmp);
        Assert.Equal(["1000-2000/udp"], _runner.Calls[0].Args);
        Assert.Equal(["icmp"], _runner.Calls[1].Args);
    }

    [Fact]
    public void ClosePort_passes_juju_notation()
    {
        Backend.ClosePort(Port.Udp(53));
        Assert.Equal(["close-port", "53/udp"], _runner.SingleArgv());
    }

    [Fact]
    public void GetOpenedPorts_runs_opened_ports_with_json()
    {
        _runner.Returns("opened-ports", "[]\n");
        Backend.GetOpenedPorts();
        Assert.Equal(["opened-ports", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void ListStorage_all()
    {
        _runner.Returns("storage-list", "[]\n");
        Backend.ListStorage(null);
        Assert.Equal(["storage-list", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void ListStorage_by_name()
    {
        _runner.Returns("storage-list", "[]\n");
        Backend.ListStorage("data");
        Assert.Equal(["storage-list", "--format=json", "data"], _runner.SingleArgv());
    }

    [Fact]
    public void GetStorage_passes_id_with_s_flag()
    {
        _runner.Returns("storage-get", "{\"kind\":\"filesystem\",\"location\":\"/srv/data\"}\n");
        Backend.GetStorage("data/0");
        Assert.Equal(["storage-get", "--format=json", "-s", "data/0"], _runner.SingleArgv());
    }

    [Fact]
    public void AddStorage_passes_name_equals_count()
    {
        Backend.AddStorage("data", 2);
        Assert.Equal(["storage-add", "data=2"], _runner.SingleArgv());
    }

    [Fact]
    public void GetState_runs_state_get_with_json()
    {
        _runner.Returns("state-get", "null\n");
        Backend.GetState();
        Assert.Equal(["state-get", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void SetState_sends_json_on_stdin()
    {
        Backend.SetState(new Dictionary<string, string> { ["a"] = "1", ["b"] = "" });
        var call = Assert.Single(_runner.Calls);
        Assert.Equal(["state-set", "--file", "-"], [call.Tool, .. call.Args]);
        Assert.Equal("{\"a\":\"1\",\"b\":\"\"}", call.Stdin);
    }

    [Fact]
    public void SetState_with_no_values_makes_no_call()
    {
        Backend.SetState(new Dictionary<string, string>());
        Assert.Empty(_runner.Calls);
    }

    [Fact]
    public void DeleteState_passes_the_key()
    {
        Backend.DeleteState("k");
        Assert.Equal(["state-delete", "k"], _runner.SingleArgv());
    }

    [Fact]
    public void DeleteState_protects_a_key_starting_with_a_dash()
    {
        Backend.DeleteState("-k");
        Assert.Equal(["state-delete", "--", "-k"], _runner.SingleArgv());
    }

    [Fact]
    public void AddSecret_with_all_options_passes_flags_and_file_references()
    {
        _runner.Returns("secret-add", "secret:cr3jbo3ml4kb8n7q8ou0\n");
        var options = new SecretOptions(
            Label: "db-pw",
            Description: "-the password",
            Expire: new DateTimeOffset(2025, 1, 1, 8, 6, 6, TimeSpan.FromHours(2)),
            Rotate: SecretRotatePolicy.Monthly);
        Backend.AddSecret(new Dictionary<string, string> { ["password"] = "s3cret" }, SecretOwner.Unit, options);

        var argv = _runner.SingleArgv();
        Assert.Equal(
            ["secret-add", "--owner", "unit", "--label", "db-pw", "--description", "-the password", "--expire", "2025-01-01T06:06:06Z", "--rotate", "monthly"],
            argv[..^1]);
        Assert.Matches("^password#file=/.+/password$", argv[^1]);
        Assert.True(Path.IsPathFullyQualified(argv[^1]["password#file=".Length..]));
    }

    [Fact]
    public void AddSecret_application_owner_without_options()
    {
        _runner.Returns("secret-add", "secret:cr3jbo3ml4kb8n7q8ou0\n");
        Backend.AddSecret(new Dictionary<string, string> { ["user"] = "bob" }, SecretOwner.Application, new SecretOptions());
        var argv = _runner.SingleArgv();
        Assert.Equal(["secret-add", "--owner", "application"], argv[..^1]);
        Assert.StartsWith("user#file=/", argv[^1]);
    }

    [Fact]
    public void SetSecret_metadata_only()
    {
        Backend.SetSecret("secret:abc", null, new SecretOptions(Label: "x", Rotate: SecretRotatePolicy.Never));
        Assert.Equal(["secret-set", "secret:abc", "--label", "x", "--rotate", "never"], _runner.SingleArgv());
    }

    [Fact]
    public void SetSecret_with_content_passes_file_references_and_no_owner()
    {
        Backend.SetSecret("secret:abc", new Dictionary<string, string> { ["password"] = "new" }, new SecretOptions());
        var argv = _runner.SingleArgv();
        Assert.Equal(["secret-set", "secret:abc"], argv[..^1]);
        Assert.StartsWith("password#file=/", argv[^1]);
    }

    [Fact]
    public void GetSecret_by_id()
    {
        _runner.Returns("secret-get", "{}\n");
        Backend.GetSecret("secret:abc", null, refresh: false, peek: false);
        Assert.Equal(["secret-get", "--format=json", "secret:abc"], _runner.SingleArgv());
    }

    [Fact]
    public void GetSecret_by_id_and_label_with_refresh()
    {
        _runner.Returns("secret-get", "{}\n");
        Backend.GetSecret("secret:abc", "db", refresh: true, peek: false);
        Assert.Equal(["secret-get", "--format=json", "secret:abc", "--label", "db", "--refresh"], _runner.SingleArgv());
    }

    [Fact]
    public void GetSecret_by_label_with_peek()
    {
        _runner.Returns("secret-get", "{}\n");
        Backend.GetSecret(null, "db", refresh: false, peek: true);
        Assert.Equal(["secret-get", "--format=json", "--label", "db", "--peek"], _runner.SingleArgv());
    }

    [Fact]
    public void GetSecretInfo_by_id()
    {
        _runner.Returns("secret-info-get", "{\"abc\":{\"revision\":1,\"label\":\"\",\"owner\":\"unit\"}}\n");
        Backend.GetSecretInfo("secret:abc", null);
        Assert.Equal(["secret-info-get", "--format=json", "secret:abc"], _runner.SingleArgv());
    }

    [Fact]
    public void GetSecretInfo_by_label()
    {
        _runner.Returns("secret-info-get", "{\"abc\":{\"revision\":1,\"label\":\"db\",\"owner\":\"unit\"}}\n");
        Backend.GetSecretInfo(null, "db");
        Assert.Equal(["secret-info-get", "--format=json", "--label", "db"], _runner.SingleArgv());
    }

    [Fact]
    public void RemoveSecret_all_revisions()
    {
        Backend.RemoveSecret("secret:abc", null);
        Assert.Equal(["secret-remove", "secret:abc"], _runner.SingleArgv());
    }

    [Fact]
    public void RemoveSecret_one_revision()
    {
        Backend.RemoveSecret("secret:abc", 3);
        Assert.Equal(["secret-remove", "secret:abc", "--revision", "3"], _runner.SingleArgv());
    }

    [Fact]
    public void GrantSecret_to_application()
    {
        Backend.GrantSecret("secret:abc", 7, null);
        Assert.Equal(["secret-grant", "secret:abc", "-r", "7"], _runner.SingleArgv());
    }

    [Fact]
    public void GrantSecret_to_unit()
    {
        Backend.GrantSecret("secret:abc", 7, "mysql/0");
        Assert.Equal(["secret-grant", "secret:abc", "-r", "7", "--unit", "mysql/0"], _runner.SingleArgv());
    }

    [Fact]
    public void RevokeSecret_from_application()
    {
        Backend.RevokeSecret("secret:abc", 7, null);
        Assert.Equal(["secret-revoke", "secret:abc", "-r", "7"], _runner.SingleArgv());
    }

    [Fact]
    public void RevokeSecret_from_unit()
    {
        Backend.RevokeSecret("secret:abc", 7, "mysql/1");
        Assert.Equal(["secret-revoke", "secret:abc", "-r", "7", "--unit", "mysql/1"], _runner.SingleArgv());
    }

    [Fact]
    public void GetSecretIds_runs_secret_ids_with_json()
    {
        _runner.Returns("secret-ids", "null\n");
        Backend.GetSecretIds();
        Assert.Equal(["secret-ids", "--format=json"], _runner.SingleArgv());
    }

    [Fact]
    public void GetNetwork_without_relation()
    {
        _runner.Returns("network-get", "{}\n");
        Backend.GetNetwork("db", null);
        Assert.Equal(["network-get", "--format=json", "db"], _runner.SingleArgv());
    }

    [Fact]
    public void GetNetwork_with_bare_relation_id()
    {
        _runner.Returns("network-get", "{}\n");
        Backend.GetNetwork("db", 7);
        Assert.Equal(["network-get", "--format=json", "-r", "7", "db"], _runner.SingleArgv());
    }

    [Fact]
    public void GetResource_passes_name_only()
    {
        _runner.Returns("resource-get", "/var/lib/juju/r/software.zip");
        Backend.GetResource("software");
        Assert.Equal(["resource-get", "software"], _runner.SingleArgv());
    }

    [Fact]
    public void No_member_passes_stdin_except_the_file_readers()
    {
        Backend.SetStatus(Status.Active("ok"), application: false);
        Backend.Log(JujuLogLevel.Info, "x");
        Assert.All(_runner.Calls, call => Assert.Null(call.Stdin));
    }
}
