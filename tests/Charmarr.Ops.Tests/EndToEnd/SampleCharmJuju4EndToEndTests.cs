using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.Tests.EndToEnd;

/// <summary>
/// The sample charm's deploy story as a real process per event under the strict fake of Juju 4.0, which has no
/// <c>leader-get</c>/<c>leader-set</c> and no <c>private-address</c> in unit bags: the SDK needs neither.
/// </summary>
public sealed class SampleCharmJuju4EndToEndTests : IDisposable
{
    private readonly DotnetCharmDirectory charm = SampleCharmDirectory.Create();
    private readonly FakeJujuUnit unit;

    public SampleCharmJuju4EndToEndTests()
    {
        var model = new FakeModel { UnitName = "sample/0", JujuVersion = "4.0.16" };
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
    public void The_deploy_story_reaches_active_on_Juju_4_with_every_call_accepted_and_no_removed_tool_used()
    {
        Assert.Equal("4.0.16", Succeed(unit.RunHook("install")).Environment["JUJU_VERSION"]);
        unit.SetLeader(true);
        Succeed(unit.RunHook("leader-elected"));
        Succeed(unit.RunHook("config-changed"));
        var relationId = unit.AddRelation("db", "pg", "pg/0");
        Succeed(unit.RunHook("db-relation-created", relationId));
        Succeed(unit.RunHook("db-relation-joined", relationId, "pg/0"));
        unit.SetRemoteAppData(relationId, "dsn", "postgresql://pg/sample");
        var changed = Succeed(unit.RunHook("db-relation-changed", relationId, "pg/0"));
        Assert.DoesNotContain("private-address", changed.Model.Relation(relationId).RemoteUnitData["pg/0"].Keys);

        var greet = unit.RunAction("greet", new JsonObject { ["name"] = "Ada", ["excited"] = true });

        Assert.True(greet.Succeeded, greet.ToString());
        Assert.Equal("completed", greet.Action!.Status);
        Assert.Equal("Hello, Ada!", greet.Action.Results["message"]!.GetValue<string>());
        var status = greet.Model.UnitStatus;
        Assert.Equal(("active", "serving on port 8080"), (status.Status, status.Message));
        Assert.All(unit.AllCalls, call => Assert.True(call.ExitCode == 0, $"Juju 4 would reject: {call.Tool} {string.Join(' ', call.Args)}: {call.Stderr}"));
        Assert.DoesNotContain(unit.AllCalls, call => call.Tool is "leader-get" or "leader-set");
    }

    private static HookRunResult Succeed(HookRunResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }
}
