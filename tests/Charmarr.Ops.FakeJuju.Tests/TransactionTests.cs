using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

public sealed class TransactionTests
{
    private const string WritingScript = """
        relation-set a=1 gone=
        printf '{"from-file": "yes", "n": 5}' | relation-set --file - --app
        relation-get --format=json - sample/0
        relation-get --format=json --app - sample
        state-set k=v
        state-get --format=json
        open-port 8080
        open-port --endpoints db,web 9000-9001/udp
        opened-ports --format=json --endpoints
        status-set --application blocked "needs db"
        juju-log "relation hook"
        exit "$EXIT_WITH"
        """;

    private static FakeModel LeaderWithRelation()
    {
        var model = new FakeModel { IsLeader = true };
        model.AddRelation("db", "pg", "pg/0").LocalUnitData["gone"] = "soon";
        return model;
    }

    [Fact]
    public void Writes_are_visible_within_the_hook_and_committed_when_dispatch_exits_0()
    {
        using var charm = new TestCharm(WritingScript, LeaderWithRelation());

        var result = charm.Unit.RunHook("db-relation-changed", new Driver.HookOptions { Environment = new Dictionary<string, string> { ["EXIT_WITH"] = "0" } });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("{\"a\":\"1\"}\n", result.Calls[2].Stdout);
        Assert.Equal("{\"from-file\":\"yes\",\"n\":\"5\"}\n", result.Calls[3].Stdout);
        Assert.Equal("{\"from-file\": \"yes\", \"n\": 5}", result.Calls[1].Stdin);
        Assert.Equal("{\"k\":\"v\"}\n", result.Calls[5].Stdout);
        Assert.Equal("[\"8080/tcp (*)\",\"9000-9001/udp (db, web)\"]\n", result.Calls[8].Stdout);
        var relation = result.Model.Relation(1);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1" }, relation.LocalUnitData);
        Assert.Equal("5", relation.LocalAppData["n"]);
        Assert.Equal("v", result.Model.UnitState["k"]);
        Assert.Equal(3, result.Model.OpenedPorts.Count);
        Assert.Equal("blocked", result.Model.AppStatus.Status);
        Assert.Equal(new LogLine("INFO", "db:1: relation hook"), result.Model.Logs.Single());
    }

    [Fact]
    public void A_failed_hook_discards_transactional_writes_but_keeps_immediate_ones()
    {
        using var charm = new TestCharm(WritingScript, LeaderWithRelation());

        var result = charm.Unit.RunHook("db-relation-changed", new Driver.HookOptions { Environment = new Dictionary<string, string> { ["EXIT_WITH"] = "1" } });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("{\"a\":\"1\"}\n", result.Calls[2].Stdout);
        var model = charm.Unit.Model;
        Assert.Equal(new Dictionary<string, string> { ["gone"] = "soon" }, model.Relation(1).LocalUnitData);
        Assert.Empty(model.Relation(1).LocalAppData);
        Assert.Empty(model.UnitState);
        Assert.Empty(model.OpenedPorts);
        Assert.Equal("blocked", model.AppStatus.Status);
        Assert.Equal("needs db", model.AppStatus.Message);
        Assert.Single(model.Logs);
    }

    [Fact]
    public void Relation_hooks_get_Juju_environment_and_tool_defaults_and_the_context_ends_with_the_process()
    {
        var model = new FakeModel();
        model.AddRelation("db", "pg", "pg/0", "pg/1").SetRemoteUnitData("pg/1", "host", "db.example");
        model.AddPeerRelation("peers", "sample/1").LocalAppData["shared"] = "x";
        using var charm = new TestCharm("""
            relation-ids --format=json >/dev/null
            relation-get --format=json host >/dev/null
            relation-get --format=json --app - sample -r peers:2 >/dev/null
            env -u JUJU_CONTEXT_ID is-leader; echo "rc=$?"
            echo "$JUJU_DISPATCH_PATH|$JUJU_HOOK_NAME|$JUJU_RELATION|$JUJU_RELATION_ID|$JUJU_REMOTE_APP|$JUJU_REMOTE_UNIT|$JUJU_VERSION|$JUJU_UNIT_NAME|$PWD"
            (sleep 1; is-leader) >/dev/null 2>&1 &
            """, model);

        var result = charm.Unit.RunHook("db-relation-changed", relationId: 1, remoteUnit: "pg/1");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("[\"db:1\"]\n", result.Calls[0].Stdout);
        Assert.Equal("\"db.example\"\n", result.Calls[1].Stdout);
        Assert.Equal("{\"shared\":\"x\"}\n", result.Calls[2].Stdout);
        Assert.Equal(3, result.Calls.Count);
        Assert.Equal(
            $"rc=1\nhooks/db-relation-changed|db-relation-changed|db|db:1|pg|pg/1|3.6.4|sample/0|{charm.Unit.CharmDirectory}\n",
            result.Stdout);
        Assert.Equal("ERROR JUJU_CONTEXT_ID not set\n", result.Stderr);
        // The background call lands about a second after the hook; under load it can take much longer.
        var callsAtHookEnd = charm.Unit.AllCalls.Count;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (charm.Unit.AllCalls.Count == callsAtHookEnd && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(50);
        }

        Assert.True(charm.Unit.AllCalls.Count > callsAtHookEnd, "the background is-leader call never reached the agent");
        var late = charm.Unit.AllCalls[^1];
        Assert.Equal(1, late.ExitCode);
        Assert.StartsWith("ERROR bad request: wrong context ID", late.Stderr, StringComparison.Ordinal);
    }
}
