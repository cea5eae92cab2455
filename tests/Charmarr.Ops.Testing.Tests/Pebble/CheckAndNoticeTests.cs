using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class CheckAndNoticeTests
{
    private const string Layer = """
        services:
          web: {override: replace, command: /bin/web}
        checks:
          up:
            override: replace
            level: ready
            threshold: 2
            http: {url: "http://localhost:8080/"}
          later:
            override: replace
            startup: disabled
            tcp: {port: 8080}
        """;

    private static PebbleSimulator Pebble()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Layer);
        return pebble;
    }

    private static int Occurrences(PebbleSimulator pebble, string changeId) =>
        pebble.GetNotices(new NoticeFilter { Types = ["change-update"], Keys = [changeId] }).Single().Occurrences;

    [Fact]
    public void Adding_a_layer_starts_enabled_checks_and_registers_disabled_ones_inactive()
    {
        var checks = Pebble().GetChecks();

        Assert.Equal(
            [new SimulatedCheckInfo("later", "", "disabled", "inactive", 0, 0, 3, null, null),
             new SimulatedCheckInfo("up", "ready", "enabled", "up", 0, 0, 2, "1", null)],
            checks);
    }

    [Fact]
    public void Failures_reaching_the_threshold_error_the_perform_check_and_start_a_recover_check()
    {
        var pebble = Pebble();

        pebble.ReportCheckFailure("up", "connection refused");
        var afterOne = pebble.GetChecks(null, "up")[0];
        pebble.ReportCheckFailure("up", "connection refused");
        var down = pebble.GetChecks(null, "up")[0];

        Assert.Equal(("up", 1), (afterOne.Status, afterOne.Failures));
        Assert.Equal(("down", 2, "2", "1"), (down.Status, down.Failures, down.ChangeId, down.PrevChangeId));
        var perform = pebble.GetChange("1")!;
        Assert.Equal(("perform-check", "Error"), (perform.Kind, perform.Status));
        Assert.Equal("cannot perform the following tasks:\n- Perform HTTP check \"up\" (connection refused)", perform.Err);
        Assert.Equal(("recover-check", "Recover HTTP check \"up\"", "Doing"), (pebble.GetChange("2")!.Kind, pebble.GetChange("2")!.Summary, pebble.GetChange("2")!.Status));
        Assert.False(pebble.IsHealthy("ready"));
        Assert.Equal(
            new Dictionary<string, string> { ["check-name"] = "up", ["kind"] = "perform-check" },
            pebble.GetNotices(new NoticeFilter { Keys = ["1"] }).Single().LastData);
    }

    [Fact]
    public void A_success_recovers_and_starts_a_fresh_perform_check()
    {
        var pebble = Pebble();
        pebble.ReportCheckFailure("up");
        pebble.ReportCheckFailure("up");

        pebble.ReportCheckSuccess("up");

        var check = pebble.GetChecks(null, "up")[0];
        Assert.Equal(("up", 0, 1, "3"), (check.Status, check.Failures, check.Successes, check.ChangeId));
        Assert.Equal("Done", pebble.GetChange("2")!.Status);
        Assert.True(pebble.IsHealthy());
    }

    [Fact]
    public void Stopping_a_check_ends_its_change_done_and_starting_resets_the_counters()
    {
        var pebble = Pebble();
        pebble.ReportCheckSuccess("up");
        pebble.ReportCheckFailure("up");

        var stopped = pebble.ChecksAction("stop", "up", "later");
        var inactive = pebble.GetChecks(null, "up")[0];
        var started = pebble.ChecksAction("start", "up");

        Assert.Equal(["up"], stopped);
        Assert.Equal(("inactive", 1, 1, null), (inactive.Status, inactive.Successes, inactive.Failures, inactive.ChangeId));
        Assert.Equal(("Done", true, null), (pebble.GetChange("1")!.Status, pebble.GetChange("1")!.Ready, pebble.GetChange("1")!.Err));
        Assert.Equal(["up"], started);
        Assert.Equal(("up", 0, 0), (pebble.GetChecks(null, "up")[0].Status, pebble.GetChecks(null, "up")[0].Successes, pebble.GetChecks(null, "up")[0].Failures));
    }

    [Fact]
    public void Unknown_checks_are_refused_by_name()
    {
        var error = Assert.Throws<SimulatedPebbleException>(() => Pebble().ChecksAction("start", "b", "a", "up"));

        Assert.Equal("cannot start checks: cannot find checks in plan: a, b", error.Message);
    }

    [Fact]
    public void Replan_starts_enabled_checks_that_are_not_running()
    {
        var pebble = Pebble();
        pebble.ChecksAction("stop", "up");

        pebble.ServicesAction("replan");

        Assert.Equal(["inactive", "up"], pebble.GetChecks().Select(c => c.Status));
    }

    [Fact]
    public void Change_update_notices_count_occurrences_like_pebble()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "web");
        pebble.FailNextStart("web", 1);
        pebble.ServicesAction("stop", "web");
        pebble.ServicesAction("start", "web");

        Assert.Equal(2, Occurrences(pebble, "1"));
        Assert.Equal(3, Occurrences(pebble, "2"));
        Assert.Equal(4, Occurrences(pebble, "4"));
    }

    [Fact]
    public void Custom_notices_repeat_only_after_repeat_after()
    {
        var pebble = new PebbleSimulator();

        var id = pebble.Notify("example.com/thing", new Dictionary<string, string> { ["a"] = "1" });
        var again = pebble.Notify("example.com/thing", new Dictionary<string, string> { ["b"] = "2" }, TimeSpan.FromHours(1));
        var notice = pebble.GetNotice(id)!;

        Assert.Equal(id, again);
        Assert.Equal(2, notice.Occurrences);
        Assert.Equal(notice.FirstOccurred, notice.LastRepeated);
        Assert.True(notice.LastOccurred >= notice.LastRepeated);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, notice.LastData);
        Assert.Equal(TimeSpan.FromHours(1), notice.RepeatAfter);
        Assert.Equal(TimeSpan.FromDays(7), notice.ExpireAfter);
    }

    [Theory]
    [InlineData("example.com/x", "warning", "invalid type \"warning\" (can only add \"custom\" notices)")]
    [InlineData("no-domain", "custom", "invalid key \"no-domain\" (must be in \"example.com/path\" format)")]
    public void Bad_notices_are_refused(string key, string type, string message)
    {
        var error = Assert.Throws<SimulatedPebbleException>(() => new PebbleSimulator().Notify(key, type: type));

        Assert.Equal((400, message), (error.StatusCode, error.Message));
    }

    [Fact]
    public void Notice_filters_select_by_type_key_and_after()
    {
        var pebble = Pebble();
        var custom = pebble.Notify("example.com/a");
        var cut = pebble.GetNotice(custom)!.LastRepeated;

        Assert.Equal(["custom"], pebble.GetNotices(new NoticeFilter { Types = ["custom"] }).Select(n => n.Type));
        Assert.Equal(["example.com/a"], pebble.GetNotices(new NoticeFilter { Keys = ["example.com/a"] }).Select(n => n.Key));
        Assert.DoesNotContain(pebble.GetNotices(new NoticeFilter { After = cut }), n => n.Id == custom);
    }

    [Fact]
    public async Task Waiting_for_notices_wakes_on_a_new_occurrence()
    {
        var pebble = new PebbleSimulator();
        var filter = new NoticeFilter { Keys = ["example.com/wake"] };

        var waiting = pebble.WaitNoticesAsync(filter, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        pebble.Notify("example.com/wake");
        var woken = await waiting;
        var none = await pebble.WaitNoticesAsync(new NoticeFilter { Keys = ["example.com/never"] }, TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);

        Assert.Equal("example.com/wake", woken.Single().Key);
        Assert.Empty(none);
    }
}
