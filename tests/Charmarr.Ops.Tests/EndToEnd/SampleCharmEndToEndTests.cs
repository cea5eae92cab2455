using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Persistence;

namespace Charmarr.Ops.Tests.EndToEnd;

/// <summary>
/// The sample charm built and run as a real process per event, the way Juju runs it, against strict fake hook tools
/// that reject any argv Juju would reject and record every call.
/// </summary>
public sealed class SampleCharmEndToEndTests : IDisposable
{
    private readonly DotnetCharmDirectory charm = SampleCharmDirectory.Create();
    private readonly FakeJujuUnit unit;

    public SampleCharmEndToEndTests()
    {
        var model = new FakeModel { UnitName = "sample/0" };
        model.ConfigDefaults["greeting"] = "Hello";
        model.ConfigDefaults["port"] = 8080;
        unit = new FakeJujuUnit(charm.Path, model);
    }

    public void Dispose()
    {
        unit.Dispose();
        charm.Dispose();
    }

    [Fact]
    public void Deploy_story_install_leader_config_relation_action_reaches_active_with_juju_accepting_every_call()
    {
        var install = Succeed(unit.RunHook("install"));
        Assert.Contains(install.Calls, c => c.Tool == "application-version-set" && c.Args.SequenceEqual(["--", "1.0.0"]));
        Assert.Contains(install.Calls, c => c.Tool == "juju-log" && c.Args[^1].Contains("Installed (1 time(s))", StringComparison.Ordinal));
        Assert.Equal("""{"installs":1,"dsn":null}""", install.Model.UnitState["SampleCharm/state"]);
        AssertUnitStatus(install, "blocked", "needs a database: juju integrate sample <database>");

        unit.SetLeader(true);
        var leader = Succeed(unit.RunHook("leader-elected"));
        Assert.Contains(leader.Calls, c => c.Tool == "status-set" && c.Args.SequenceEqual(["--application", "active", "--", ""]));
        Assert.DoesNotContain(leader.Calls, c => c.Tool == "state-set");

        var config = Succeed(unit.RunHook("config-changed"));
        Assert.Contains(config.Calls, c => c.Tool == "open-port" && c.Args.SequenceEqual(["8080/tcp"]));
        var opened = Assert.Single(config.Model.OpenedPorts);
        Assert.Equal(("tcp", 8080, 8080), (opened.Protocol, opened.From, opened.To));

        var relationId = unit.AddRelation("db", "pg", "pg/0");
        Succeed(unit.RunHook("db-relation-created", relationId));
        Succeed(unit.RunHook("db-relation-joined", relationId, "pg/0"));
        var noDsn = Succeed(unit.RunHook("db-relation-changed", relationId, "pg/0"));
        var relationSet = Assert.Single(noDsn.CallsTo("relation-set"));
        Assert.Equal(["-r", $"db:{relationId}", "--app", "--file", "-"], relationSet.Args);
        Assert.Equal("""{"database":"sample"}""", relationSet.Stdin);
        Assert.Equal("sample", noDsn.Model.Relation(relationId).LocalAppData["database"]);
        Assert.Contains("db-relation-changed", noDsn.Model.UnitState["#deferred#"], StringComparison.Ordinal);
        AssertUnitStatus(noDsn, "waiting", "waiting for the database to publish its DSN");

        unit.SetRemoteAppData(relationId, "dsn", "postgresql://pg/sample");
        var withDsn = Succeed(unit.RunHook("db-relation-changed", relationId, "pg/0"));
        Assert.DoesNotContain("#deferred#", withDsn.Model.UnitState.Keys);
        Assert.Equal("""{"installs":1,"dsn":"postgresql://pg/sample"}""", withDsn.Model.UnitState["SampleCharm/state"]);
        Assert.Empty(withDsn.CallsTo("relation-set"));
        AssertUnitStatus(withDsn, "active", "serving on port 8080");

        var greet = unit.RunAction("greet", new JsonObject { ["name"] = "Ada", ["excited"] = true });
        Assert.True(greet.Succeeded, greet.ToString());
        Assert.Equal("completed", greet.Action!.Status);
        Assert.Equal("Hello, Ada!", greet.Action.Results["message"]!.GetValue<string>());
        Assert.Equal("1", greet.Action.Results["stats"]!["installs"]!.GetValue<string>());
        Assert.Equal(["composing a greeting"], greet.Action.Logs);
        AssertUnitStatus(greet, "active", "serving on port 8080");

        Assert.All(unit.AllCalls, call => Assert.True(call.ExitCode == 0, $"Juju would reject: {Describe(call)}"));
    }

    [Fact]
    public void Action_with_parameters_of_the_wrong_type_fails_with_a_readable_message_and_exit_code_0()
    {
        var result = unit.RunAction("greet", new JsonObject { ["name"] = "Ada", ["excited"] = "very" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("failed", result.Action!.Status);
        Assert.StartsWith("Error in action parameters:", result.Action.FailMessage, StringComparison.Ordinal);
        Assert.Null(result.Action.Results["message"]);
    }

    [Fact]
    public void A_deferred_event_is_queued_once_however_often_it_arrives_and_survives_in_controller_state()
    {
        unit.SetLeader(true);
        var relationId = unit.AddRelation("db", "pg", "pg/0");
        Succeed(unit.RunHook("db-relation-changed", relationId, "pg/0"));
        var second = Succeed(unit.RunHook("db-relation-changed", relationId, "pg/0"));

        var queue = JsonNode.Parse(second.Model.UnitState["#deferred#"])!.AsArray();
        Assert.Single(queue);
        Assert.Equal("SampleCharm/OnDbChanged", queue[0]!["observer"]!.GetValue<string>());
    }

    [Fact]
    public void A_handler_that_throws_exits_1_logs_the_error_and_commits_no_state()
    {
        Succeed(unit.RunHook("install"));
        unit.SetConfig("greeting", "crash");

        var crash = unit.RunHook("config-changed");

        Assert.Equal(1, crash.ExitCode);
        Assert.Empty(crash.CallsTo("state-set"));
        Assert.Equal("""{"installs":1,"dsn":null}""", crash.Model.UnitState["SampleCharm/state"]);
        Assert.Contains(crash.Calls, c => c.Tool == "juju-log" && c.Args.Contains("ERROR")
            && c.Args[^1].Contains("Uncaught InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public void A_config_value_the_operator_can_fix_blocks_the_unit_instead_of_failing_the_hook()
    {
        unit.SetConfig("port", 70000);

        var result = unit.RunHook("config-changed");

        Assert.Equal(0, result.ExitCode);
        AssertUnitStatus(result, "blocked", "port 70000 is out of range; run: juju config sample port=<1-65535>");
        Assert.Empty(result.CallsTo("open-port"));
    }

    private static HookRunResult Succeed(HookRunResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }

    private static void AssertUnitStatus(HookRunResult result, string status, string message)
    {
        Assert.Equal(status, result.Model.UnitStatus.Status);
        Assert.Equal(message, result.Model.UnitStatus.Message);
    }

    private static string Describe(ToolCall call) => $"{call.Tool} {string.Join(' ', call.Args)} -> {call.ExitCode}: {call.Stderr}";
}
