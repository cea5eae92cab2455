using Charmarr.Ops.Testing.Pebble;

namespace Charmarr.Ops.Testing.Tests.Pebble;

public sealed class ServiceLifecycleTests
{
    private const string Layer = """
        services:
          long:
            override: replace
            command: /bin/long
            startup: enabled
          aux:
            override: replace
            command: /bin/aux
            startup: enabled
            requires: [long]
          manual:
            override: replace
            command: /bin/manual
        """;

    private static PebbleSimulator Pebble()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", Layer);
        return pebble;
    }

    private static string Current(PebbleSimulator pebble, string name) => pebble.GetServices(name)[0].Current;

    [Fact]
    public void Start_pulls_in_required_services_and_names_the_requested_one()
    {
        var pebble = Pebble();

        var change = pebble.ServicesAction("start", "aux");

        Assert.Equal(("1", "start", "Start service \"aux\" and 1 more", "Done"), (change.Id, change.Kind, change.Summary, change.Status));
        Assert.Equal(["Start service \"aux\"", "Start service \"long\""], change.Tasks.Select(t => t.Summary));
        Assert.Equal("active", Current(pebble, "long"));
        Assert.NotNull(pebble.GetServices("long")[0].CurrentSince);
        Assert.Null(pebble.GetServices("manual")[0].CurrentSince);
    }

    [Fact]
    public void Stop_pulls_in_dependents()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "aux");

        var change = pebble.ServicesAction("stop", "long");

        Assert.Equal("Stop service \"long\" and 1 more", change.Summary);
        Assert.Equal(["inactive", "inactive"], new[] { Current(pebble, "long"), Current(pebble, "aux") });
    }

    [Fact]
    public void Task_logs_say_when_nothing_needed_doing()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "long");

        var again = pebble.ServicesAction("start", "long");
        var neverStarted = pebble.ServicesAction("stop", "manual");
        pebble.ServicesAction("stop", "long");
        var stopped = pebble.ServicesAction("stop", "long");

        Assert.EndsWith(" INFO Service \"long\" already started.", again.Tasks[0].Log.Single(), StringComparison.Ordinal);
        Assert.EndsWith(" INFO Service \"manual\" has never been started.", neverStarted.Tasks[0].Log.Single(), StringComparison.Ordinal);
        Assert.EndsWith(" INFO Service \"long\" already stopped.", stopped.Tasks.Single(t => t.Summary.Contains("long", StringComparison.Ordinal)).Log.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replan_starts_enabled_services_and_then_restarts_only_changed_ones_with_their_dependents()
    {
        var pebble = Pebble();
        var first = pebble.ServicesAction("replan");

        pebble.AddLayer("change", "services:\n  long: {override: merge, environment: {X: \"1\"}}\n");
        var second = pebble.ServicesAction("replan");

        Assert.Equal("Replan service \"aux\" and 1 more", first.Summary);
        Assert.Equal("Replan service \"aux\" and 1 more", second.Summary);
        Assert.Equal(
            ["Stop service \"aux\"", "Stop service \"long\"", "Start service \"aux\"", "Start service \"long\""],
            second.Tasks.Select(t => t.Summary));
        Assert.Equal("active", Current(pebble, "long"));
        Assert.Equal("inactive", Current(pebble, "manual"));
    }

    [Fact]
    public void Replan_stops_a_never_started_dependent_of_a_changed_service()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", """
            services:
              long: {override: replace, command: /bin/long, startup: enabled}
              aux: {override: replace, command: /bin/aux, requires: [long]}
            """);
        pebble.ServicesAction("replan");
        pebble.AddLayer("change", "services:\n  long: {override: merge, command: /bin/long --v2}\n");

        var replan = pebble.ServicesAction("replan");

        Assert.Equal("Replan service \"aux\" and 1 more", replan.Summary);
        var stopAux = replan.Tasks.Single(t => t.Summary == "Stop service \"aux\"");
        Assert.EndsWith(" INFO Service \"aux\" has never been started.", stopAux.Log.Single(), StringComparison.Ordinal);
        Assert.Equal(["active", "inactive"], new[] { Current(pebble, "long"), Current(pebble, "aux") });
    }

    [Fact]
    public void Replan_with_nothing_to_do_is_a_done_change_without_tasks()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", "services:\n  manual: {override: replace, command: x}\n");

        var change = pebble.ServicesAction("replan");

        Assert.Equal(("replan", "Replan - no services", "Done", true), (change.Kind, change.Summary, change.Status, change.Ready));
        Assert.Empty(change.Tasks);
    }

    [Fact]
    public void Replan_starts_a_changed_service_that_had_been_stopped()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "manual");
        pebble.ServicesAction("stop", "manual");
        pebble.AddLayer("change", "services:\n  manual: {override: merge, command: /bin/manual --v2}\n");

        pebble.ServicesAction("replan");

        Assert.Equal("active", Current(pebble, "manual"));
    }

    [Fact]
    public void Start_on_a_running_service_refreshes_its_config_so_replan_leaves_it_alone()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "manual");
        pebble.AddLayer("change", "services:\n  manual: {override: merge, command: /bin/manual --v2}\n");
        pebble.ServicesAction("start", "manual");

        var replan = pebble.ServicesAction("replan");

        Assert.DoesNotContain(replan.Tasks, t => t.Summary == "Stop service \"manual\"");
    }

    [Theory]
    [InlineData("start", new string[0], "must specify services for start action")]
    [InlineData("replan", new[] { "long" }, "replan accepts no service names")]
    [InlineData("explode", new[] { "long" }, "invalid action \"explode\"")]
    [InlineData("start", new[] { "nope" }, "cannot start services: service \"nope\" does not exist")]
    [InlineData("stop", new[] { "nope" }, "cannot stop services: service \"nope\" does not exist")]
    public void Bad_service_requests_are_400(string action, string[] services, string message)
    {
        var error = Assert.Throws<SimulatedPebbleException>(() => Pebble().ServicesAction(action, services));

        Assert.Equal((400, message), (error.StatusCode, error.Message));
    }

    [Fact]
    public void Autostart_without_enabled_services_has_the_no_default_services_kind()
    {
        var pebble = new PebbleSimulator();

        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.ServicesAction("autostart"));

        Assert.Equal((400, "no default services", "no-default-services"), (error.StatusCode, error.Message, error.Kind));
    }

    [Fact]
    public void A_start_that_exits_quickly_errors_the_change_and_holds_the_rest_of_its_lane()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", """
            services:
              app: {override: replace, command: app, requires: [db], after: [db]}
              db: {override: replace, command: db}
            """);
        pebble.FailNextStart("db", 1, "boom", "bang");

        var change = pebble.ServicesAction("start", "app");

        Assert.Equal("Error", change.Status);
        Assert.Equal(
            "cannot perform the following tasks:\n- Start service \"db\" (service start attempt: exited quickly with code 1, will restart)",
            change.Err);
        Assert.Equal([("Start service \"db\"", "Error"), ("Start service \"app\"", "Hold")], change.Tasks.Select(t => (t.Summary, t.Status)));
        Assert.Contains(change.Tasks.SelectMany(t => t.Log), l => l.EndsWith("Most recent service output:\n    boom\n    bang", StringComparison.Ordinal));
        Assert.Equal("backoff", Current(pebble, "db"));
        Assert.Equal("inactive", Current(pebble, "app"));
    }

    [Fact]
    public void A_service_that_exits_with_on_failure_ignore_is_in_error_and_stopping_it_says_so()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", "services:\n  fail: {override: replace, command: x, on-failure: ignore}\n");
        pebble.ServicesAction("start", "fail");

        pebble.ExitService("fail", 2, "bye");
        var stop = pebble.ServicesAction("stop", "fail");

        Assert.EndsWith(" INFO Service \"fail\" had already exited.", stop.Tasks[0].Log.Single(), StringComparison.Ordinal);
        Assert.Equal("inactive", Current(pebble, "fail"));
        Assert.Equal("bye", pebble.GetLogs(["fail"]).Single().Message);
    }

    [Fact]
    public void A_failing_service_with_a_long_backoff_stays_in_backoff()
    {
        var pebble = new PebbleSimulator();
        pebble.AddLayer("base", "services:\n  svc: {override: replace, command: x, backoff-delay: 1h}\n");
        pebble.ServicesAction("start", "svc");

        pebble.ExitService("svc", 1);

        Assert.Equal("backoff", Current(pebble, "svc"));
    }

    [Fact]
    public void Signals_go_to_running_services_only()
    {
        var pebble = Pebble();
        pebble.ServicesAction("start", "long");

        pebble.SendSignal("SIGHUP", "long");
        var error = Assert.Throws<SimulatedPebbleException>(() => pebble.SendSignal("HUP", "long", "manual"));

        Assert.Equal([("long", "SIGHUP")], pebble.SentSignals);
        Assert.Equal(
            (500, "cannot send signal to \"long\": invalid signal name \"HUP\"; cannot send signal to \"manual\": service is not running"),
            (error.StatusCode, error.Message));
    }

    [Fact]
    public void Change_and_task_ids_come_from_separate_counters()
    {
        var pebble = Pebble();

        var first = pebble.ServicesAction("start", "aux");
        var second = pebble.ServicesAction("stop", "manual");

        Assert.Equal(("1", "2"), (first.Id, second.Id));
        Assert.Equal(["1", "2", "3"], first.Tasks.Select(t => t.Id).Concat(second.Tasks.Select(t => t.Id)));
        Assert.Equal(["2"], pebble.GetChanges("all", "manual").Select(c => c.Id));
        Assert.Empty(pebble.GetChanges());
    }
}
