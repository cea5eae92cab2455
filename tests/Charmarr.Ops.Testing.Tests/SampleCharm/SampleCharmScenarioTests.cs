using Charmarr.Ops.SampleCharm;
using Charmarr.Ops.Testing.Scenario;
using Port = Charmarr.Ops.Model.Port;
using Sample = Charmarr.Ops.SampleCharm.SampleCharm;
using Status = Charmarr.Ops.Model.Status;

namespace Charmarr.Ops.Testing.Tests.SampleCharm;

/// <summary>The Foundation sample charm through the state-transition API: CharmState in, event through the production dispatcher, CharmState out.</summary>
public sealed class SampleCharmScenarioTests
{
    private readonly Context<Sample> ctx = new(SampleCharmDirectory.Path, b => SampleApp.Configure(b));

    [Fact]
    public void Install_counts_itself_in_stored_state_and_sets_the_workload_version()
    {
        var output = ctx.Run(ctx.On.Install(), new CharmState());

        Assert.Equal(1, output.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Installs);
        Assert.Equal("1.0.0", output.WorkloadVersion);
        Assert.Equal(Status.Blocked("needs a database: juju integrate sample <database>"), output.UnitStatus);
    }

    [Fact]
    public void Stored_state_carries_from_one_run_to_the_next()
    {
        var once = ctx.Run(ctx.On.Install(), new CharmState());
        var twice = ctx.Run(ctx.On.Install(), once);

        Assert.Equal(2, twice.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Installs);
    }

    [Fact]
    public void Config_changed_opens_the_configured_port()
    {
        var output = ctx.Run(ctx.On.ConfigChanged(), new CharmState { Config = new Dictionary<string, object> { ["port"] = 9090 } });

        Assert.Equal([Port.Tcp(9090)], output.OpenedPorts);
    }

    [Fact]
    public void The_leader_answers_a_dsn_with_its_database_name_and_goes_active()
    {
        var db = new RelationState("db") { RemoteAppName = "postgresql", RemoteAppData = new Dictionary<string, string> { ["dsn"] = "postgres://db" } };

        var output = ctx.Run(ctx.On.RelationChanged(db), new CharmState { Leader = true, Relations = [db] });

        var after = output.GetRelation(db.Id);
        Assert.Equal("sample", after.LocalAppData["database"]);
        Assert.Equal("postgres://db", output.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Dsn);
        Assert.Equal(Status.Active("serving on port 8080"), output.UnitStatus);
        Assert.Equal(Status.Active(), output.AppStatus);
    }

    [Fact]
    public void A_change_without_a_dsn_is_deferred_and_re_emitted_on_the_next_event()
    {
        var db = new RelationState("db") { RemoteAppName = "postgresql" };
        var deferred = ctx.Run(ctx.On.RelationChanged(db, 0), new CharmState { Relations = [db] });
        Assert.Equal("db-relation-changed", Assert.Single(deferred.Deferred).EventName);

        var withDsn = deferred with
        {
            Relations = [(RelationState)deferred.GetRelation(db.Id) with { RemoteAppData = new Dictionary<string, string> { ["dsn"] = "postgres://late" } }],
        };
        var output = ctx.Run(ctx.On.UpdateStatus(), withDsn);

        Assert.Empty(output.Deferred);
        Assert.Equal("postgres://late", output.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Dsn);
    }

    [Fact]
    public void The_greet_action_reports_results_and_logs()
    {
        var output = ctx.Run(ctx.On.Action("greet", ("name", "Ada"), ("excited", true)), new CharmState());

        Assert.False(output.Failed);
        Assert.Equal("Hello, Ada!", output.Result("message"));
        Assert.Equal(["composing a greeting"], output.Logs);
    }

    [Fact]
    public void A_crashing_config_changed_raises_hook_failed_with_the_charms_exception()
    {
        var failure = Assert.Throws<HookFailedException>(() =>
            ctx.Run(ctx.On.ConfigChanged(), new CharmState { Config = new Dictionary<string, object> { ["greeting"] = "crash" } }));

        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public void An_event_that_changes_nothing_returns_an_equal_state()
    {
        var db = new RelationState("db") { RemoteAppName = "postgresql", RemoteAppData = new Dictionary<string, string> { ["dsn"] = "x" } };
        var settled = ctx.Run(ctx.On.RelationChanged(db), new CharmState { Leader = true, Relations = [db], Config = new Dictionary<string, object> { ["port"] = 8080 } });

        var again = ctx.Run(ctx.On.UpdateStatus(), settled);

        Assert.Equal(settled, again);
    }
}
