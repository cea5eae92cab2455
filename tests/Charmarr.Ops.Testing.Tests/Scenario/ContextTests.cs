using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.Ops.Testing.Tests.Harness;
using ScenarioRelation = Charmarr.Ops.Testing.Scenario.Relation;
using ScenarioState = Charmarr.Ops.Testing.Scenario.State;
using SecretOwner = Charmarr.Ops.Model.SecretOwner;
using Status = Charmarr.Ops.Model.Status;

namespace Charmarr.Ops.Testing.Tests.Scenario;

/// <summary>Context.Run: the state in is what the charm sees, the state out is what it left.</summary>
public sealed class ContextTests
{
    private readonly ProbeLog log = new();
    private readonly Context<ProbeCharm> ctx;

    public ContextTests()
    {
        ctx = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log));
    }

    [Fact]
    public void Pebble_ready_reads_back_the_layer_services_and_files_the_charm_left()
    {
        var web = new Container("web") { CanConnect = true };

        var output = ctx.Run(ctx.On.PebbleReady(web), new ScenarioState { Containers = [web] });

        var after = output.GetContainer("web");
        var layer = Assert.Single(after.Layers);
        Assert.Equal("web", layer.Label);
        Assert.Equal("nginx -g 'daemon off;'", layer.Content.Services["nginx"].Command);
        Assert.Equal("active", after.ServiceStatuses["nginx"]);
        Assert.Equal("yes", after.Files["/tmp/ready"]);
    }

    [Fact]
    public void A_container_round_trips_unchanged_through_an_event_that_does_not_touch_it()
    {
        var web = new Container("web")
        {
            CanConnect = true,
            Layers = [new Layer("base", PebbleLayer.Parse("summary: base\nservices:\n  app:\n    override: replace\n    command: /bin/app\n    startup: enabled\n"))],
            ServiceStatuses = new Dictionary<string, string> { ["app"] = "active" },
            Files = new Dictionary<string, string> { ["/etc/app.conf"] = "x=1" },
            Execs = [new Exec(["app", "--version"]) { Stdout = "1.2" }],
        };
        var input = new ScenarioState { Containers = [web] };

        var output = ctx.Run(ctx.On.UpdateStatus(), input);

        Assert.Equal(input.Containers, output.Containers);
    }

    [Fact]
    public void Departed_and_broken_leave_the_unit_and_the_relation_out_of_the_output()
    {
        var db = new ScenarioRelation("db")
        {
            RemoteAppName = "pg",
            RemoteUnitsData = new Dictionary<int, ValueMap<string, string>> { [0] = ValueMap<string, string>.Empty, [1] = ValueMap<string, string>.Empty },
        };
        var departed = ctx.Run(ctx.On.RelationDeparted(db, 1), new ScenarioState { Relations = [db] });
        var broken = ctx.Run(ctx.On.RelationBroken(departed.GetRelation(db.Id)), departed);

        Assert.Equal([0], ((ScenarioRelation)departed.GetRelation(db.Id)).RemoteUnitsData.Keys);
        Assert.Equal(["db-relation-departed(pg/1→pg/1)", "db-relation-broken"], log.Events);
        Assert.Empty(broken.Relations);
    }

    [Fact]
    public void A_deferred_event_built_by_hand_is_re_emitted_before_the_new_event()
    {
        var db = new ScenarioRelation("db") { RemoteAppName = "pg" };
        var deferred = ctx.Deferred(ctx.On.RelationChanged(db, 0), "ProbeCharm/Record");

        var output = ctx.Run(ctx.On.UpdateStatus(), new ScenarioState { Relations = [db], Deferred = [deferred] });

        Assert.Equal(["db-relation-changed(pg/0)", "update-status"], log.Events);
        Assert.Empty(output.Deferred);
    }

    [Fact]
    public void The_leader_owned_secret_the_charm_creates_appears_in_the_output()
    {
        log.During = (model, _) => model.App.AddSecret(new Dictionary<string, string> { ["password"] = "pw" }, new Ops.Model.SecretOptions { Label = "admin" });

        var output = ctx.Run(ctx.On.ConfigChanged(), new ScenarioState { Leader = true });

        var secret = output.GetSecret(label: "admin");
        Assert.Equal(SecretOwner.Application, secret.Owner);
        Assert.Equal("pw", secret.TrackedContent["password"]);
    }

    [Fact]
    public void A_consumer_refreshing_on_secret_changed_tracks_the_latest_revision()
    {
        var secret = new Secret(new Dictionary<string, string> { ["token"] = "old" })
        {
            LatestContent = new Dictionary<string, string> { ["token"] = "new" },
            Label = "api",
        };
        var seen = new List<string>();
        log.During = (model, e) => seen.Add(model.Secrets.Get(label: "api").GetContent(refresh: true)["token"]);

        var output = ctx.Run(ctx.On.SecretChanged(secret), new ScenarioState { Secrets = [secret] });

        Assert.Equal(["new"], seen);
        var after = output.GetSecret(secret.Id);
        Assert.Equal("new", after.TrackedContent["token"]);
        Assert.Null(after.LatestContent);
    }

    [Fact]
    public void An_action_run_gives_results_and_the_output_state()
    {
        var output = ctx.Run(ctx.On.Action("sum", ("a", 1)), new ScenarioState());

        Assert.Equal("11", output.Result("total"));
        Assert.Equal(Status.Active("0 events seen"), output.State.UnitStatus);
    }

    [Fact]
    public void The_statefulset_reconciler_patches_the_states_statefulset()
    {
        var output = ctx.Run(ctx.On.Action("reconcile"), new ScenarioState { ModelName = "media" });

        Assert.Equal("yes", output.Result("changed"));
        Assert.Equal("media", (string?)output.State.StatefulSet!.Document["metadata"]!["namespace"]);
        Assert.Contains("/media", output.State.StatefulSet.Document.ToJsonString(), StringComparison.Ordinal);
        var again = ctx.Run(ctx.On.Action("reconcile"), output.State);
        Assert.Equal("no", again.Result("changed"));
    }

    [Fact]
    public void Juju_log_and_status_history_of_the_last_run_are_kept()
    {
        // At trace level the framework logs the event it emits, so the run has a juju-log line to keep.
        var tracing = new Context<ProbeCharm>(
            ProbeCharm.ParsedMetadata(),
            builder => ProbeCharm.Configure(log)(builder.UseLogLevel(Microsoft.Extensions.Logging.LogLevel.Trace)));

        tracing.Run(tracing.On.UpdateStatus(), new ScenarioState());

        Assert.Equal([Status.Active("1 events seen")], tracing.UnitStatusHistory);
        Assert.Contains(tracing.JujuLog, l => l.Message == "Emitting update-status");
    }

    [Fact]
    public void States_with_equal_content_are_equal()
    {
        ScenarioState Make() => new()
        {
            Config = new Dictionary<string, object> { ["mode"] = "loud" },
            Relations = [new ScenarioRelation("db") { Id = 7, RemoteAppData = new Dictionary<string, string> { ["k"] = "v" } }],
            Containers = [new Container("web") { Execs = [new Exec(["ls"])] }],
        };

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), Make() with { Leader = true });
    }
}
