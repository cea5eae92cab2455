using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.State;

namespace Charmarr.Ops.Tests.Framework;

public sealed class DeferralTests : IDisposable
{
    private readonly DispatchFixture<DeferringCharm> fixture = new();

    public DeferralTests()
    {
        fixture.Backend.RelationIds["db"] = [1];
        fixture.Backend.RelationUnits[1] = ["pg/0", "pg/1"];
        fixture.Backend.RelationRemoteApps[1] = "pg";
    }

    public void Dispose() => fixture.Dispose();

    private JsonArray Queue => JsonNode.Parse(fixture.Store.Data[StateSession.DeferredKey])!.AsArray();

    [Fact]
    public void Deferred_events_are_reemitted_oldest_first_before_the_new_event()
    {
        fixture.Recorder.DeferWhile.UnionWith(["pg/0", "pg/1"]);
        Assert.Equal(0, fixture.RelationChanged(1, "pg/0"));
        Assert.Equal(0, fixture.RelationChanged(1, "pg/1"));
        fixture.Recorder.DeferWhile.Clear();
        fixture.Recorder.Calls.Clear();

        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));

        Assert.Equal(["first pg/0 again", "first pg/1 again", "config"], fixture.Recorder.Calls);
        Assert.DoesNotContain(StateSession.DeferredKey, fixture.Store.Data.Keys);
    }

    [Fact]
    public void Re_emitting_deferred_events_writes_one_log_line_however_many_there_are()
    {
        // Each log line at the default level is a juju-log call: one per deferred event would grow every dispatch's calls with the queue.
        fixture.Recorder.DeferWhile.UnionWith(["pg/0", "pg/1"]);
        fixture.RelationChanged(1, "pg/0");
        fixture.RelationChanged(1, "pg/1");
        fixture.Backend.LogLines.Clear();

        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));

        var line = Assert.Single(fixture.Backend.LogLines, l => l.Message.Contains("deferred", StringComparison.Ordinal));
        Assert.Equal((JujuLogLevel.Debug, "Re-emitted 2 deferred event(s); 2 still deferred"), line);
    }

    [Fact]
    public void Only_the_observer_that_deferred_is_called_again()
    {
        fixture.Recorder.DeferWhile.Add("pg/0");
        fixture.RelationChanged(1, "pg/0");
        fixture.Recorder.DeferWhile.Clear();
        fixture.Recorder.Calls.Clear();

        fixture.Dispatch("hooks/config-changed");

        Assert.Equal(["first pg/0 again", "config"], fixture.Recorder.Calls);
    }

    [Fact]
    public void An_event_deferred_again_and_again_is_queued_once()
    {
        fixture.Recorder.DeferWhile.Add("pg/0");

        fixture.RelationChanged(1, "pg/0");
        fixture.RelationChanged(1, "pg/0");
        fixture.RelationChanged(1, "pg/0");

        var notice = Assert.Single(Queue);
        Assert.Equal("DeferringCharm/OnFirst", notice!["observer"]!.GetValue<string>());
        Assert.Equal("db-relation-changed", notice["juju"]!["eventName"]!.GetValue<string>());
    }

    [Fact]
    public void A_new_event_identical_to_a_still_deferred_one_is_skipped_for_that_observer_only()
    {
        fixture.Recorder.DeferWhile.Add("pg/0");
        fixture.RelationChanged(1, "pg/0");
        fixture.Recorder.Calls.Clear();

        fixture.RelationChanged(1, "pg/0");

        Assert.Equal(["first pg/0 again", "second pg/0"], fixture.Recorder.Calls);
    }

    [Fact]
    public void Different_events_for_the_same_handler_are_queued_separately_in_order()
    {
        fixture.Recorder.DeferWhile.UnionWith(["pg/0", "pg/1"]);

        fixture.RelationChanged(1, "pg/1");
        fixture.RelationChanged(1, "pg/0");

        Assert.Equal(["pg/1", "pg/0"], Queue.Select(n => n!["juju"]!["remoteUnit"]!.GetValue<string>()));
    }

    [Fact]
    public void A_deferred_relation_event_whose_relation_is_gone_is_dropped_not_crashed_on()
    {
        fixture.Recorder.DeferWhile.Add("pg/0");
        fixture.RelationChanged(1, "pg/0");
        fixture.Backend.RelationIds["db"] = [];
        fixture.Recorder.Calls.Clear();

        Assert.Equal(0, fixture.Dispatch("hooks/config-changed"));

        Assert.Equal(["config"], fixture.Recorder.Calls);
        Assert.DoesNotContain(StateSession.DeferredKey, fixture.Store.Data.Keys);
    }

    [Fact]
    public void Deferring_stop_is_refused_and_fails_the_hook()
    {
        Assert.Equal(1, fixture.Dispatch("hooks/stop"));
        Assert.Empty(fixture.Store.Saves);
    }

    [Fact]
    public void Each_dispatch_builds_a_fresh_charm_instance()
    {
        fixture.Dispatch("hooks/config-changed");
        fixture.Dispatch("hooks/config-changed");

        Assert.Equal(2, fixture.Recorder.Instances);
    }
}
