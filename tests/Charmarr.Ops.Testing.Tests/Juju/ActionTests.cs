using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Testing.Juju;

namespace Charmarr.Ops.Testing.Tests.Juju;

public sealed class ActionTests
{
    private readonly MemoryJujuBackend backend = new();

    private static Dictionary<string, string> Result(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    [Fact]
    public void Action_tools_outside_an_action_fail_like_Juju()
    {
        var ex = Assert.Throws<JujuModelException>(() => backend.GetActionParameters());

        Assert.Equal("action-get", ex.Tool);
        Assert.Contains("not running an action", ex.Message);
        Assert.Throws<JujuModelException>(() => backend.FailAction("x"));
        Assert.Throws<JujuModelException>(() => backend.LogAction("x"));
        Assert.Throws<JujuModelException>(() => backend.SetActionResults(Result("a", "b")));
    }

    [Fact]
    public void Parameters_are_handed_over_as_a_copy()
    {
        backend.StartAction("claim-server", new JsonObject { ["token"] = "claim-1" });

        var parameters = backend.GetActionParameters();
        parameters["token"] = "changed";

        Assert.Equal("claim-1", backend.GetActionParameters()["token"]!.GetValue<string>());
    }

    [Fact]
    public void Dotted_keys_build_nested_results_and_a_later_scalar_replaces_a_map()
    {
        var action = backend.StartAction("backup");
        backend.SetActionResults(Result("a", "1"));
        backend.SetActionResults(Result("a.b", "2"));
        backend.SetActionResults(Result("c.d", "3"));
        backend.SetActionResults(Result("c", "4"));

        Assert.Equal("""{"a":{"b":"2"},"c":"4"}""", action.Results.ToJsonString());
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("a..b")]
    [InlineData("-a")]
    [InlineData("a_b")]
    [InlineData("stdout")]
    [InlineData("x.stderr-encoding")]
    public void Keys_Juju_refuses_are_refused_before_any_result_is_kept(string key)
    {
        var action = backend.StartAction("backup");
        var results = new Dictionary<string, string>(StringComparer.Ordinal) { ["fine"] = "1", [key] = "2" };

        Assert.Throws<ArgumentException>(() => backend.SetActionResults(results));
        Assert.Empty(action.Results);
    }

    [Fact]
    public void The_last_failure_message_wins_and_logs_are_kept_in_order()
    {
        backend.StartAction("claim-server");
        backend.LogAction("exchanging token");
        backend.FailAction("first");
        backend.FailAction("token expired");

        var action = backend.FinishAction();

        Assert.Equal("token expired", action.FailureMessage);
        Assert.Equal(["exchanging token"], action.Logs);
        Assert.Null(backend.Action);
    }
}
