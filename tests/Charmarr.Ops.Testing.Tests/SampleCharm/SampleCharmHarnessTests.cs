using Charmarr.Ops.Model;
using Charmarr.Ops.SampleCharm;
using Sample = Charmarr.Ops.SampleCharm.SampleCharm;

namespace Charmarr.Ops.Testing.Tests.SampleCharm;

/// <summary>The Foundation sample charm through the Harness: its program's own configuration, the production dispatcher.</summary>
public sealed class SampleCharmHarnessTests : IDisposable
{
    private readonly Harness<Sample> harness = new(SampleCharmDirectory.Path, b => SampleApp.Configure(b));

    [Fact]
    public void Initial_hooks_install_open_the_port_and_block_without_a_database()
    {
        harness.SetLeader();
        harness.BeginWithInitialHooks();

        Assert.Equal("1.0.0", harness.WorkloadVersion);
        Assert.Equal([Port.Tcp(8080)], harness.OpenedPorts);
        Assert.Equal(Status.Blocked("needs a database: juju integrate sample <database>"), harness.UnitStatus);
        Assert.Equal(Status.Active(), harness.AppStatus);
        Assert.Equal(1, harness.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Installs);
        Assert.Single(harness.GetRelationIds("sample-peers"));
    }

    [Fact]
    public void A_database_that_publishes_its_dsn_makes_the_unit_active()
    {
        harness.SetLeader();
        harness.BeginWithInitialHooks();

        var db = harness.AddRelation("db", "postgresql", appData: new Dictionary<string, string> { ["dsn"] = "postgres://db" });

        Assert.Equal("postgres://db", harness.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Dsn);
        Assert.Equal("sample", harness.GetRelationData(db, "sample")["database"]);
        Assert.Equal(Status.Active("serving on port 8080"), harness.UnitStatus);
    }

    [Fact]
    public void A_relation_change_without_a_dsn_is_deferred_and_re_emitted_before_the_next_event()
    {
        harness.BeginWithInitialHooks();
        var db = harness.AddRelation("db", "postgresql", unitData: new Dictionary<string, string> { ["note"] = "starting" });

        var deferred = Assert.Single(harness.DeferredEvents);
        Assert.Equal(("SampleCharm/OnDbChanged", "db-relation-changed"), (deferred.Observer, deferred.EventName));
        Assert.Equal(Status.Waiting("waiting for the database to publish its DSN"), harness.UnitStatus);

        // The DSN arrives without an event of its own reaching the handler first: the deferred one runs before update-status.
        harness.Backend.SetRemoteAppData(db, new Dictionary<string, string> { ["dsn"] = "postgres://late" });
        harness.EvaluateStatus();

        Assert.Empty(harness.DeferredEvents);
        Assert.Equal("postgres://late", harness.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Dsn);
        Assert.Equal(Status.Active("serving on port 8080"), harness.UnitStatus);
    }

    [Fact]
    public void A_crashing_handler_fails_the_hook_with_its_exception_and_rolls_back_stored_state()
    {
        harness.BeginWithInitialHooks();

        var failure = Assert.Throws<HookFailedException>(() => harness.UpdateConfig(("greeting", "crash")));

        Assert.Equal("config-changed", failure.EventName);
        Assert.Equal(1, failure.ExitCode);
        var inner = Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("fail on purpose", inner.Message, StringComparison.Ordinal);
        Assert.Contains("config-changed", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.GetStoredState("SampleCharm/state", SampleJson.Default.SampleState)?.Installs);
    }

    [Fact]
    public void An_out_of_range_port_blocks_instead_of_failing()
    {
        harness.BeginWithInitialHooks();

        harness.UpdateConfig(("port", 70000));

        Assert.Equal(StatusKind.Blocked, harness.UnitStatus.Kind);
        Assert.Contains("port 70000 is out of range", harness.UnitStatus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_is_checked_against_charmcraft_yaml_like_juju_config()
    {
        harness.Begin();

        var unknown = Assert.Throws<ArgumentException>(() => harness.UpdateConfig(("colour", "blue")));
        var wrongType = Assert.Throws<ArgumentException>(() => harness.UpdateConfig(("port", "eighty")));

        Assert.Contains("unknown config option \"colour\" (charmcraft.yaml declares: greeting, port)", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("config option \"port\" is of type int, got string \"eighty\"", wrongType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_greet_action_returns_its_results_and_logs_with_schema_defaults_filled()
    {
        harness.BeginWithInitialHooks();
        harness.UpdateConfig(("greeting", "Hi"));

        var result = harness.RunAction("greet", ("name", "Ada"));

        Assert.False(result.Failed);
        Assert.Equal("Hi, Ada.", result.Result("message"));
        Assert.Equal("1", result.Result("stats.installs"));
        Assert.Equal(["composing a greeting"], result.Logs);
    }

    [Fact]
    public void Action_parameters_are_checked_against_the_schema()
    {
        harness.Begin();

        var problems = Assert.Throws<ArgumentException>(() => harness.RunAction("greet", ("excited", "yes"), ("shout", true)));

        Assert.Contains("action \"greet\" needs parameter \"name\"", problems.Message, StringComparison.Ordinal);
        Assert.Contains("parameter \"excited\" of action \"greet\" must be boolean, got string \"yes\"", problems.Message, StringComparison.Ordinal);
        Assert.Contains("action \"greet\" has no parameter \"shout\"", problems.Message, StringComparison.Ordinal);
    }

    public void Dispose() => harness.Dispose();
}
