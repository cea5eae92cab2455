using System.Text.Json.Nodes;

namespace Charmarr.Ops.Tests.Framework;

public sealed class DispatchTests : IDisposable
{
    private readonly DispatchFixture<ActionCharm> fixture = new();

    public void Dispose() => fixture.Dispose();

    private static (string, string)[] Action(string name) => [("JUJU_ACTION_NAME", name), ("JUJU_ACTION_UUID", "7")];

    [Fact]
    public void A_typed_action_gets_its_parameters_and_sets_results()
    {
        fixture.Backend.ActionParameters = new JsonObject { ["count"] = 3 };

        Assert.Equal(0, fixture.Dispatch("actions/run", Action("run")));

        Assert.Equal("3", Assert.Single(fixture.Backend.ActionResults)["count"]);
        Assert.Empty(fixture.Backend.ActionFailures);
    }

    [Fact]
    public void A_lazily_typed_action_builds_its_parameter_metadata_only_when_it_runs()
    {
        fixture.Dispatch("hooks/config-changed");
        fixture.Dispatch("actions/run", Action("run"));
        Assert.DoesNotContain("run-lazily parameters built", fixture.Recorder.Calls);

        fixture.Backend.ActionParameters = new JsonObject { ["count"] = 5 };
        Assert.Equal(0, fixture.Dispatch("actions/run-lazily", Action("run-lazily")));

        Assert.Contains("run-lazily parameters built", fixture.Recorder.Calls);
        Assert.Equal("5", Assert.Single(fixture.Backend.ActionResults)["count"]);
    }

    [Fact]
    public void A_lazily_typed_action_fails_wrong_parameters_with_a_message()
    {
        fixture.Backend.ActionParameters = new JsonObject { ["count"] = "five" };

        Assert.Equal(0, fixture.Dispatch("actions/run-lazily", Action("run-lazily")));

        Assert.StartsWith("Error in action parameters:", Assert.Single(fixture.Backend.ActionFailures), StringComparison.Ordinal);
    }

    [Fact]
    public void Action_parameters_of_the_wrong_type_fail_the_action_with_a_message_and_exit_0()
    {
        fixture.Backend.ActionParameters = new JsonObject { ["count"] = "three" };

        Assert.Equal(0, fixture.Dispatch("actions/run", Action("run")));

        Assert.StartsWith("Error in action parameters:", Assert.Single(fixture.Backend.ActionFailures), StringComparison.Ordinal);
        Assert.Empty(fixture.Backend.ActionResults);
    }

    [Fact]
    public void Deferring_an_action_is_refused_and_fails_the_dispatch()
    {
        fixture.Backend.ActionParameters = new JsonObject { ["count"] = -1 };

        Assert.Equal(1, fixture.Dispatch("actions/run", Action("run")));

        Assert.Empty(fixture.Backend.ActionResults);
    }

    [Fact]
    public void A_declared_action_without_a_handler_fails_with_a_message()
    {
        Assert.Equal(0, fixture.Dispatch("actions/unhandled", Action("unhandled")));

        Assert.Equal("action 'unhandled' is declared but this charm has no handler for it", Assert.Single(fixture.Backend.ActionFailures));
    }

    [Fact]
    public void An_undeclared_action_fails_with_a_message()
    {
        Assert.Equal(0, fixture.Dispatch("actions/nope", Action("nope")));

        Assert.Equal("action 'nope' is not declared in this charm's metadata", Assert.Single(fixture.Backend.ActionFailures));
    }

    [Fact]
    public void An_unknown_hook_is_ignored_without_error()
    {
        Assert.Equal(0, fixture.Dispatch("hooks/other-relation-changed", ("JUJU_RELATION", "other"), ("JUJU_RELATION_ID", "other:4")));

        Assert.Empty(fixture.Recorder.Calls);
    }

    [Fact]
    public void The_reconciler_runs_on_reconcilable_events_and_not_on_stop_remove_or_actions()
    {
        fixture.Backend.RelationIds["db"] = [1];
        fixture.Backend.RelationUnits[1] = ["pg/0"];
        fixture.Backend.ActionParameters = new JsonObject { ["count"] = 1 };

        fixture.Dispatch("hooks/install");
        fixture.Dispatch("hooks/config-changed");
        fixture.RelationChanged(1, "pg/0");
        fixture.Dispatch("hooks/web-pebble-ready", ("JUJU_WORKLOAD_NAME", "web"));
        fixture.Dispatch("hooks/stop");
        fixture.Dispatch("hooks/remove");
        fixture.Dispatch("actions/run", Action("run"));

        Assert.Equal(
            ["reconcile install", "reconcile config-changed", "reconcile db-relation-changed", "reconcile web-pebble-ready"],
            fixture.Recorder.Calls);
    }

    [Fact]
    public void Observing_an_undeclared_endpoint_fails_at_construction_naming_it()
    {
        using var typo = new DispatchFixture<TypoCharm>();

        Assert.Equal(1, typo.Dispatch("hooks/install"));
    }
}
