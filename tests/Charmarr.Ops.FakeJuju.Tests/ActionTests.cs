using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

public sealed class ActionTests
{
    private const string Script = """
        action-get --format=json >/dev/null
        action-get --format=json file.kind >/dev/null
        action-get --format=json file.missing.deeper >/dev/null
        action-set ok=1 Bad.key=2 2>/dev/null
        action-set out.greeting="hello $(action-get name)" out.n=3 scalar=1 scalar.x=2
        action-set stderr.x=1 2>/dev/null
        action-log working on it
        case "$(action-get mode)" in
          fail) action-fail "it broke" ;;
          default-fail) action-fail ;;
          crash) action-fail "ignored"; echo boom >&2; exit 3 ;;
        esac
        echo done
        """;

    private static JsonObject Params(string mode) => new()
    {
        ["name"] = "bob",
        ["mode"] = mode,
        ["timeout"] = 30,
        ["file"] = new JsonObject { ["kind"] = "xz" },
    };

    [Fact]
    public void A_clean_exit_completes_with_nested_results_and_Juju_output_keys()
    {
        using var charm = new TestCharm(Script);

        var result = charm.Unit.RunAction("greet", Params("ok"));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("{\"file\":{\"kind\":\"xz\"},\"mode\":\"ok\",\"name\":\"bob\",\"timeout\":30}\n", result.Calls[0].Stdout);
        Assert.Equal("\"xz\"\n", result.Calls[1].Stdout);
        Assert.Equal("null\n", result.Calls[2].Stdout);
        Assert.Equal((2, "ERROR key \"Bad\" must start and end with lowercase alphanumeric, and contain only lowercase alphanumeric, hyphens and periods\n"), (result.Calls[3].ExitCode, result.Calls[3].Stderr));
        Assert.Equal("ERROR cannot set reserved action key \"stderr\"\n", result.Calls[6].Stderr);
        var action = result.Action!;
        Assert.Equal(("completed", ""), (action.Status, action.Message));
        Assert.Equal(
            "{\"out\":{\"greeting\":\"hello bob\",\"n\":\"3\"},\"return-code\":0,\"scalar\":{\"x\":\"2\"},\"stdout\":\"done\\n\"}",
            Charmarr.Ops.Testing.Juju.HookTools.JujuJson.Serialize(action.Results));
        Assert.Equal(["working on it"], action.Logs);
        Assert.Equal("actions/greet||greet", string.Join("|", result.Environment["JUJU_DISPATCH_PATH"], result.Environment["JUJU_HOOK_NAME"], result.Environment["JUJU_ACTION_NAME"]));
    }

    [Theory]
    [InlineData("fail", "failed", "it broke")]
    [InlineData("default-fail", "failed", "action failed without reason given, check action for errors")]
    [InlineData("crash", "failed", "exit status 3")]
    public void Failure_rules_follow_finalizeAction(string mode, string status, string message)
    {
        using var charm = new TestCharm(Script);

        var action = charm.Unit.RunAction("greet", Params(mode)).Action!;

        Assert.Equal((status, message), (action.Status, action.Message));
        Assert.Equal("hello bob", action.Results["out"]!["greeting"]!.GetValue<string>());
        var persisted = charm.Unit.Model.CompletedActions.Single();
        Assert.Equal((status, message), (persisted.Status, persisted.Message));
    }

}
