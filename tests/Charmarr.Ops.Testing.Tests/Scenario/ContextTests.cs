using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Scenario;
using Charmarr.Ops.Testing.Tests.Harness;
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
        var web = new ContainerState("web") { CanConnect = true };

        var output = ctx.Run(ctx.On.PebbleReady(web), new CharmState { Containers = [web] });

        var after = output.GetContainer("web");
        var layer = Assert.Single(after.Layers);
        Assert.Equal("web", layer.Label);
        Assert.Equal("nginx -g 'daemon off;'", layer.Content.Services["nginx"].Command);
        Assert.Equal(ServiceStatus.Active, after.ServiceStatuses["nginx"]);
        Assert.True(after.IsRunning("nginx"));
        Assert.True(ctx.LastEvent.Started("web", "nginx"));
        Assert.Equal("yes", after.Files["/tmp/ready"]);
    }

    [Fact]
    public void Check_state_goes_in_and_comes_out_and_a_check_event_implies_it()
    {
        var web = new ContainerState("web") { CanConnect = true, Layers = [new Layer("checks", PebbleLayer.Parse(ConsistencyCheckerTests.AliveCheck))] };

        var passing = ctx.Run(ctx.On.UpdateStatus(), new CharmState { Containers = [web.WithCheck("alive", CheckState.Passing)] });
        var failed = ctx.Run(ctx.On.PebbleCheckFailed(web, "alive"), new CharmState { Containers = [web] });
        var recovered = ctx.Run(ctx.On.PebbleCheckRecovered(web, "alive"), new CharmState { Containers = [web] });

        Assert.Equal(CheckState.Passing, passing.GetContainer("web").Checks["alive"]);
        Assert.Equal(new CheckState(CheckStatus.Down) { Failures = 2 }, failed.GetContainer("web").Checks["alive"]);
        Assert.Equal(CheckStatus.Up, recovered.GetContainer("web").Checks["alive"].Status);
    }

    [Fact]
    public void The_model_name_of_the_options_is_the_states_unless_it_names_another()
    {
        var media = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log), new CharmTestOptions { ModelName = "media" });

        var output = media.Run(media.On.Action("reconcile"), new CharmState());

        Assert.Equal("media", output.State.ModelName);
        Assert.Equal("media", output.State.StatefulSet!.Namespace);
        Assert.Single(media.LastEvent.KubernetesPatches);
    }

    [Fact]
    public void A_container_round_trips_unchanged_through_an_event_that_does_not_touch_it()
    {
        var web = new ContainerState("web")
        {
            CanConnect = true,
            Layers = [new Layer("base", PebbleLayer.Parse("summary: base\nservices:\n  app:\n    override: replace\n    command: /bin/app\n    startup: enabled\n"))],
            ServiceStatuses = new Dictionary<string, ServiceStatus> { ["app"] = ServiceStatus.Active },
            Files = new Dictionary<string, string> { ["/etc/app.conf"] = "x=1" },
            Execs = [new Exec(["app", "--version"]) { Stdout = "1.2" }],
        };
        var input = new CharmState { Containers = [web] };

        var output = ctx.Run(ctx.On.UpdateStatus(), input);

        Assert.Equal(input.Containers, output.Containers);
    }

    [Fact]
    public void Departed_and_broken_leave_the_unit_and_the_relation_out_of_the_output()
    {
        var db = new RelationState("db")
        {
            RemoteAppName = "pg",
            RemoteUnitsData = RelationBase.Units(0, 1),
        };
        var departed = ctx.Run(ctx.On.RelationDeparted(db, departingUnit: 1), new CharmState { Relations = [db] });
        var broken = ctx.Run(ctx.On.RelationBroken(departed.GetRelation(db.Id)), departed);

        Assert.Equal([0], ((RelationState)departed.GetRelation(db.Id)).RemoteUnitsData.Keys);
        Assert.Equal(db, departed.GetRelation(db.Id) is RelationState left ? left.WithRemoteUnit(1) : null);
        Assert.Equal(["db-relation-departed(pg/1→pg/1)", "db-relation-broken"], log.Events);
        Assert.Empty(broken.Relations);
    }

    [Fact]
    public void A_deferred_event_built_by_hand_is_re_emitted_before_the_new_event()
    {
        var db = new RelationState("db") { RemoteAppName = "pg" };
        var deferred = ctx.Deferred(ctx.On.RelationChanged(db, 0), "ProbeCharm/Record");

        var output = ctx.Run(ctx.On.UpdateStatus(), new CharmState { Relations = [db], Deferred = [deferred] });

        Assert.Equal(["db-relation-changed(pg/0)", "update-status"], log.Events);
        Assert.Empty(output.Deferred);
    }

    [Fact]
    public void The_leader_owned_secret_the_charm_creates_appears_in_the_output()
    {
        log.During = (model, _) => model.App.AddSecret(new Dictionary<string, string> { ["password"] = "pw" }, new Ops.Model.SecretOptions { Label = "admin" });

        var output = ctx.Run(ctx.On.ConfigChanged(), new CharmState { Leader = true });

        var secret = output.GetSecret(label: "admin");
        Assert.Equal(SecretOwner.Application, secret.Owner);
        Assert.Equal("pw", secret.TrackedContent["password"]);
    }

    [Fact]
    public void A_consumer_refreshing_on_secret_changed_tracks_the_latest_revision()
    {
        var secret = new SecretState(new Dictionary<string, string> { ["token"] = "old" })
        {
            LatestContent = new Dictionary<string, string> { ["token"] = "new" },
            Label = "api",
        };
        var seen = new List<string>();
        log.During = (model, e) => seen.Add(model.Secrets.Get(label: "api").GetContent(refresh: true)["token"]);

        var output = ctx.Run(ctx.On.SecretChanged(secret), new CharmState { Secrets = [secret] });

        Assert.Equal(["new"], seen);
        var after = output.GetSecret(secret.Id);
        Assert.Equal("new", after.TrackedContent["token"]);
        Assert.Null(after.LatestContent);
    }

    [Fact]
    public void An_action_run_gives_results_and_the_output_state()
    {
        var output = ctx.Run(ctx.On.Action("sum", ("a", 1)), new CharmState());

        Assert.Equal("11", output.Result("total"));
        Assert.Equal(Status.Active("0 events seen"), output.State.UnitStatus);
    }

    [Fact]
    public void The_statefulset_reconciler_patches_the_states_statefulset()
    {
        var output = ctx.Run(ctx.On.Action("reconcile"), new CharmState { ModelName = "media" });

        Assert.Equal("yes", output.Result("changed"));
        Assert.Equal("media", output.State.StatefulSet!.Namespace);
        Assert.Contains(output.State.StatefulSet.Container("web").Mounts, m => m.MountPath == "/media");
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

        tracing.Run(tracing.On.UpdateStatus(), new CharmState());

        Assert.Equal([Status.Active("1 events seen")], tracing.UnitStatusHistory);
        Assert.Contains(tracing.JujuLog, l => l.Message == "Emitting update-status");
    }

    [Fact]
    public void States_with_equal_content_are_equal()
    {
        CharmState Make() => new()
        {
            Config = new Dictionary<string, object> { ["mode"] = "loud" },
            Relations = [new RelationState("db") { Id = 7, RemoteAppData = new Dictionary<string, string> { ["k"] = "v" } }],
            Containers = [new ContainerState("web") { Execs = [new Exec(["ls"])] }],
        };

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), Make() with { Leader = true });
    }
}
