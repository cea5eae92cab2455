using System.Text.Json.Nodes;
using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Tests.Fakes;
using Xunit;

namespace Charmarr.Ops.Tests.Events;

/// <summary>Action parameters, results flattening and failure.</summary>
public sealed class ActionEventTests
{
    private readonly FakeJujuBackend _backend = new();

    private ActionEvent Action() => Assert.IsType<ActionEvent>(EventFactory.Create(
        new JujuEventSnapshot { Kind = DispatchKind.Action, EventName = "claim-server", ActionUuid = "17" },
        TestModels.Model(_backend)));

    [Fact]
    public void SetResults_flattens_nested_objects_to_dotted_keys()
    {
        Action().SetResults(new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["name"] = "den",
                ["address"] = new JsonObject { ["host"] = "10.0.0.1", ["port"] = 32400 },
            },
            ["claimed"] = true,
            ["trial"] = false,
            ["ratio"] = 0.5,
            ["count"] = 3,
            ["gone"] = null,
            ["tags"] = new JsonArray("a", "b"),
        });
        var results = Assert.Single(_backend.ActionResults);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["server.name"] = "den",
                ["server.address.host"] = "10.0.0.1",
                ["server.address.port"] = "32400",
                ["claimed"] = "true",
                ["trial"] = "false",
                ["ratio"] = "0.5",
                ["count"] = "3",
                ["tags"] = """["a","b"]""",
            },
            results);
    }

    [Fact]
    public void SetResults_from_parsed_json_flattens_the_same_way()
    {
        Action().SetResults(JsonNode.Parse("""{"a":{"b":true,"c":null,"d":1.25},"e":"x"}""")!.AsObject());
        Assert.Equal(
            new Dictionary<string, string> { ["a.b"] = "true", ["a.d"] = "1.25", ["e"] = "x" },
            Assert.Single(_backend.ActionResults));
    }

    [Fact]
    public void SetResults_with_only_nulls_sends_nothing()
    {
        Action().SetResults(new JsonObject { ["a"] = null, ["b"] = new JsonObject() });
        Assert.Empty(_backend.ActionResults);
        Assert.Equal(0, _backend.CallCount("action-set"));
    }

    [Fact]
    public void SetResult_sends_one_key()
    {
        Action().SetResult("token", "abc");
        Assert.Equal(new Dictionary<string, string> { ["token"] = "abc" }, Assert.Single(_backend.ActionResults));
    }

    [Fact]
    public void Parameters_are_read_once()
    {
        _backend.ActionParameters = new JsonObject { ["token"] = "abc" };
        var action = Action();
        Assert.Equal("abc", action.Parameters["token"]!.GetValue<string>());
        Assert.Equal("abc", action.Parameters["token"]!.GetValue<string>());
        Assert.Equal(1, _backend.CallCount("action-get"));
    }

    [Fact]
    public void Fail_marks_the_action_failed_with_its_message()
    {
        var action = Action();
        Assert.False(action.IsFailed);
        action.Fail("no token");
        Assert.True(action.IsFailed);
        Assert.Equal("no token", action.FailureMessage);
        Assert.Equal(["no token"], _backend.ActionFailures);
    }
}
