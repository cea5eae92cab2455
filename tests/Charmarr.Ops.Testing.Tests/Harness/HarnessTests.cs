using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Testing.Tests.Harness;

/// <summary>The Harness: event order, each helper, and production's dispatch semantics.</summary>
public sealed class HarnessTests : IDisposable
{
    private readonly ProbeLog log = new();
    private readonly Harness<ProbeCharm> harness;

    public HarnessTests()
    {
        harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log));
    }

    [Fact]
    public void The_frameworks_per_event_line_is_trace_so_the_default_level_sends_no_juju_log_for_it()
    {
        harness.Begin();

        harness.UpdateConfig(("mode", "loud"));

        Assert.DoesNotContain(harness.Logs, l => l.Message.StartsWith("Emitting ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_charm_at_trace_level_gets_the_frameworks_emitting_line()
    {
        using var tracing = new Harness<ProbeCharm>(
            ProbeCharm.ParsedMetadata(),
            builder => ProbeCharm.Configure(new ProbeLog())(builder.UseLogLevel(Microsoft.Extensions.Logging.LogLevel.Trace)));
        tracing.Begin();

        tracing.UpdateConfig(("mode", "loud"));

        Assert.Contains("Emitting config-changed", tracing.LogMessages(JujuLogLevel.Trace));
    }

    [Fact]
    public void Every_event_gets_a_fresh_program_so_no_singleton_of_the_charm_carries_over()
    {
        var built = new List<object>();
        using var fresh = new Harness<ProbeCharm>(
            ProbeCharm.ParsedMetadata(),
            builder => builder.ConfigureServices(s => s
                .AddSingleton(new ProbeLog())
                .AddSingleton(sp => { var cache = new object(); built.Add(cache); return cache; })));
        fresh.Begin();

        fresh.UpdateConfig(("mode", "loud"));
        var first = fresh.Services.GetRequiredService<object>();
        fresh.UpdateConfig(("mode", "quiet"));
        var second = fresh.Services.GetRequiredService<object>();

        Assert.NotSame(first, second);
        Assert.Equal([first, second], built);
    }

    [Fact]
    public void Initial_hooks_follow_ops_order_and_build_a_fresh_charm_for_each()
    {
        harness.AddStorage("data");
        var db = harness.AddRelation("db", "pg");
        harness.AddRelationUnit(db, "pg/0");
        harness.Backend.SetRemoteAppData(db, new Dictionary<string, string> { ["ready"] = "yes" });
        harness.SetLeader();

        harness.BeginWithInitialHooks();

        var peers = Assert.Single(harness.GetRelationIds("peers"));
        Assert.True(peers > db);
        Assert.Equal(
            [
                "data-storage-attached", "install", "db-relation-created", "peers-relation-created", "leader-elected",
                "config-changed", "start", "web-pebble-ready", "db-relation-changed", "db-relation-joined(pg/0)", "db-relation-changed(pg/0)",
            ],
            log.Events);
        Assert.Equal(log.Events.Count, log.Instances);
    }

    [Fact]
    public void Before_begin_set_up_emits_nothing()
    {
        harness.SetLeader();
        harness.UpdateConfig(("mode", "loud"));
        harness.AddRelation("db", "pg", unitData: new Dictionary<string, string> { ["k"] = "v" });

        Assert.Empty(log.Events);
        Assert.False(harness.IsBegun);
    }

    [Fact]
    public void Relation_helpers_emit_what_juju_would_in_its_order()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "pg", appData: new Dictionary<string, string> { ["a"] = "1" }, unitData: new Dictionary<string, string> { ["u"] = "1" });
        harness.UpdateRelationData(db, "pg/0", new Dictionary<string, string> { ["u"] = "1" });
        harness.UpdateRelationData(db, "pg/0", new Dictionary<string, string> { ["u"] = "2" });
        harness.UpdateRelationData(db, harness.UnitName, new Dictionary<string, string> { ["mine"] = "x" });
        harness.AddRelationUnit(db, "pg/1");
        harness.RemoveRelation(db);

        Assert.Equal(
            [
                "db-relation-created", "db-relation-joined(pg/0)", "db-relation-changed(pg/0)", "db-relation-changed",
                "db-relation-changed(pg/0)", "db-relation-joined(pg/1)", "db-relation-changed(pg/1)",
                "db-relation-departed(pg/0→pg/0)", "db-relation-departed(pg/1→pg/1)", "db-relation-broken",
            ],
            log.Events);
        Assert.Empty(harness.GetRelationIds("db"));
    }

    [Fact]
    public void A_departing_unit_is_no_longer_listed_during_relation_departed()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "pg", unitData: new Dictionary<string, string>());
        harness.AddRelationUnit(db, "pg/1");
        var seen = new List<string>();
        log.During = (model, e) => seen.AddRange(model.Relations.Get("db", db).Units.Select(u => u.Name));

        harness.RemoveRelationUnit(db, "pg/0");

        Assert.Equal(["pg/1"], seen);
    }

    [Fact]
    public void Relation_data_of_an_unknown_party_or_endpoint_is_refused_with_what_is_valid()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "pg");

        var party = Assert.Throws<ArgumentException>(() => harness.UpdateRelationData(db, "mysql", new Dictionary<string, string> { ["k"] = "v" }));
        var endpoint = Assert.Throws<ArgumentException>(() => harness.AddRelation("cache", "redis"));

        Assert.Contains("give probe/0, probe, pg or a joined unit", party.Message, StringComparison.Ordinal);
        Assert.Contains("\"cache\" is not an endpoint of probe (declared: db, peers)", endpoint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leadership_gained_after_begin_emits_leader_elected_once()
    {
        harness.Begin();
        harness.SetLeader();
        harness.SetLeader();
        harness.SetLeader(false);

        Assert.Equal(["leader-elected"], log.Events);
        Assert.False(harness.Backend.Leader);
    }

    [Fact]
    public void Config_types_follow_charmcraft_yaml_and_null_restores_the_default()
    {
        harness.Begin();
        var seen = new List<string?>();
        log.During = (model, _) => seen.Add(model.Config.GetString("mode"));

        harness.UpdateConfig(("mode", "loud"), ("replicas", 3), ("ratio", 1), ("debug", true));
        harness.UpdateConfig(("mode", null));
        var bad = Assert.Throws<ArgumentException>(() => harness.UpdateConfig(("replicas", 2.5), ("debug", "yes"), ("colour", "red")));

        Assert.Equal(["loud", "quiet"], seen);
        Assert.Contains("config option \"replicas\" is of type int, got number 2.5", bad.Message, StringComparison.Ordinal);
        Assert.Contains("config option \"debug\" is of type boolean, got string \"yes\"", bad.Message, StringComparison.Ordinal);
        Assert.Contains("unknown config option \"colour\"", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pebble_ready_makes_the_container_connectable_and_the_charm_plans_its_service()
    {
        harness.Begin();
        await Assert.ThrowsAsync<PebbleConnectionException>(() => harness.PebbleClients.For("web").GetSystemInfoAsync(TestContext.Current.CancellationToken));

        await harness.ContainerPebbleReadyAsync("web", TestContext.Current.CancellationToken);

        Assert.Equal("nginx -g 'daemon off;'", harness.GetPlan("web").Services["nginx"].Command);
        Assert.Equal(ServiceStatus.Active, harness.GetServiceStatuses("web")["nginx"]);
        Assert.True(harness.IsRunning("web", "nginx"));
        Assert.True(harness.LastEvent.Replanned("web"));
        Assert.True(harness.LastEvent.Started("web", "nginx"));
        Assert.Equal("yes", harness.Pebble("web").ReadTextFile("/tmp/ready"));
        Assert.Throws<ArgumentException>(() => harness.Pebble("db"));
    }

    [Fact]
    public void Storage_is_attached_where_the_metadata_says_and_mounted_in_its_containers()
    {
        harness.Begin();
        var seen = new List<string>();
        log.During = (model, e) => seen.Add(model.Storages.Get("data").Single().Location);

        var ids = harness.AddStorage("data");
        harness.DetachStorage(ids[0]);

        Assert.Equal(["data/0"], ids);
        Assert.Equal(["data-storage-attached", "data-storage-detaching"], log.Events);
        Assert.Equal("/var/lib/probe", seen[0]);
        Assert.True(harness.Pebble("web").PathExists("/srv/data"));
        Assert.Empty(harness.Backend.ListStorage(null));
    }

    [Fact]
    public void Collect_status_runs_at_the_end_of_every_dispatch()
    {
        harness.Begin();
        harness.EvaluateStatus();

        Assert.Equal(["update-status"], log.Events);
        Assert.Equal(Status.Active("1 events seen"), harness.UnitStatus);
    }

    [Fact]
    public void A_failing_hook_rolls_back_and_can_be_recorded_instead_of_thrown()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "pg");
        log.During = (model, e) =>
        {
            model.Relations.Get("db", db).LocalUnitData.Set("half", "done");
            throw new InvalidOperationException("boom in " + e.Name);
        };
        harness.ThrowOnHookFailure = false;

        harness.UpdateConfig(("mode", "loud"));

        var failure = Assert.Single(harness.HookFailures);
        Assert.Equal("config-changed", failure.EventName);
        Assert.Equal("boom in config-changed", failure.InnerException?.Message);
        Assert.DoesNotContain("half", harness.GetRelationData(db, harness.UnitName).Keys);
        Assert.Contains(harness.LogMessages(JujuLogLevel.Error), m => m.Contains("boom in config-changed", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_validate_parameters_fill_defaults_and_report_failure()
    {
        harness.Begin();

        var sum = harness.RunAction("sum", ("a", 5));
        var failed = harness.RunAction("fail-me");
        var bad = Assert.Throws<ArgumentException>(() => harness.RunAction("sum", ("a", "five"), ("colour", "blue"), ("labels", new[] { "x" }), ("extra", 1)));
        var unknown = Assert.Throws<ArgumentException>(() => harness.RunAction("explode"));

        Assert.Equal("15", sum.Result("total"));
        Assert.True(failed.Failed);
        Assert.Equal("asked to fail", failed.FailureMessage);
        Assert.Contains("parameter \"a\" of action \"sum\" must be integer, got string \"five\"", bad.Message, StringComparison.Ordinal);
        Assert.Contains("parameter \"colour\" of action \"sum\" must be one of \"red\", \"green\", got \"blue\"", bad.Message, StringComparison.Ordinal);
        Assert.Contains("action \"sum\" has no parameter \"extra\"", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter \"labels\"", bad.Message, StringComparison.Ordinal);
        Assert.Contains("unknown action \"explode\"", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charms_statefulset_reconciler_comes_from_di_and_patches_the_simulated_api()
    {
        harness.Begin();

        var first = harness.RunAction("reconcile");
        var second = harness.RunAction("reconcile");

        Assert.Equal("yes", first.Result("changed"));
        Assert.Equal("no", second.Result("changed"));
        var web = harness.StatefulSet!.Container("web");
        Assert.Contains(web.Mounts, m => m.MountPath == "/media");
        Assert.Equal("nginx:1.27", web.Image);
        Assert.Equal("test-model", harness.StatefulSet.Namespace);
        Assert.Empty(harness.LastEvent.KubernetesPatches); // the second reconcile changed nothing
        Assert.NotEmpty(harness.Events[^2].KubernetesPatches);
    }

    [Fact]
    public void Owner_side_secrets_can_be_read_back_and_rotated_expired_and_removed()
    {
        harness.SetLeader();
        harness.Begin();
        log.During = (model, e) =>
        {
            if (e.Name == "config-changed")
            {
                model.App.AddSecret(new Dictionary<string, string> { ["password"] = "s3cret" }, new SecretOptions { Label = "admin" });
            }
        };
        harness.UpdateConfig(("mode", "loud"));
        var id = harness.GetSecretIdByLabel("admin");
        var labels = new List<string?>();
        log.During = (model, e) => labels.Add((e as Events.SecretEvent)?.Secret.Label);

        harness.TriggerSecretRotation(id);
        harness.TriggerSecretExpiration(id, 1);
        harness.TriggerSecretRemoval(id, 1);

        Assert.Equal("s3cret", harness.GetSecretContent(id)["password"]);
        Assert.Equal(["config-changed", "secret-rotate", "secret-expired", "secret-remove"], log.Events);
        Assert.Equal(["admin", "admin", "admin"], labels);
    }

    [Fact]
    public void Observer_side_secrets_get_secret_changed_once_tracked_and_fail_after_revoke()
    {
        harness.Begin();
        var id = harness.AddRemoteSecret(new Dictionary<string, string> { ["token"] = "one" });
        Assert.False(harness.SetRemoteSecretContent(id, new Dictionary<string, string> { ["token"] = "two" }));

        var seen = new List<string>();
        log.During = (model, e) => seen.Add(model.Secrets.Get(id).GetContent(refresh: e.Name == "secret-changed")["token"]);
        harness.UpdateConfig(("mode", "loud"));
        Assert.True(harness.SetRemoteSecretContent(id, new Dictionary<string, string> { ["token"] = "three" }));
        harness.RevokeRemoteSecret(id);
        log.During = (model, _) => model.Secrets.Get(id).GetContent();
        harness.ThrowOnHookFailure = false;
        harness.UpdateConfig(("mode", "quiet"));

        Assert.Equal(["two", "three"], seen);
        Assert.IsType<PermissionDeniedException>(Assert.Single(harness.HookFailures).InnerException);
    }

    [Fact]
    public void Pebble_notices_and_checks_reach_the_charm_with_their_names()
    {
        harness.Begin();
        harness.ContainerPebbleReady("web");
        var keys = new List<string?>();
        log.During = (_, e) => keys.Add(e switch
        {
            Events.PebbleCustomNoticeEvent n => n.NoticeKey,
            Events.PebbleCheckEvent c => c.CheckName,
            _ => null,
        });

        harness.Pebble("web").AddLayer("checks", "checks:\n  alive:\n    override: replace\n    threshold: 2\n    exec:\n      command: true\n");
        harness.PebbleNotify("web", "example.com/reload");
        harness.PebbleCheckFailed("web", "alive");
        Assert.Equal(new CheckState(CheckStatus.Down) { Failures = 2 }, harness.GetCheck("web", "alive"));
        harness.PebbleCheckRecovered("web", "alive");
        Assert.Equal(CheckStatus.Up, harness.GetCheck("web", "alive").Status);

        Assert.Equal(["example.com/reload", "alive", "alive"], keys);
        Assert.Equal(["web-pebble-ready", "web-pebble-custom-notice", "web-pebble-check-failed", "web-pebble-check-recovered"], log.Events);
    }

    [Fact]
    public void Dispatch_runs_hooks_without_context_and_each_has_a_typed_member()
    {
        var exit = harness.Dispatch("stop");
        harness.LeaderSettingsChanged();
        harness.UpgradeCharm();
        harness.Remove();

        Assert.Equal(0, exit);
        Assert.Equal(["stop", "leader-settings-changed", "upgrade-charm"], log.Events); // the probe does not observe remove
        Assert.Equal(["stop", "leader-settings-changed", "upgrade-charm", "remove"], harness.Events.Select(e => e.Name));
    }

    [Theory]
    [InlineData("install")]
    [InlineData("start")]
    [InlineData("remove")]
    [InlineData("upgrade-charm")]
    [InlineData("update-status")]
    [InlineData("config-changed")]
    [InlineData("leader-elected")]
    [InlineData("leader-settings-changed")]
    [InlineData("pre-series-upgrade")]
    [InlineData("post-series-upgrade")]
    public void The_reconcile_event_set_says_which_hooks_reach_an_ObserveReconcile_handler(string hook)
    {
        harness.Dispatch(hook); // the probe records what its ObserveReconcile handler gets (and stop, observed on its own)

        Assert.Equal(ReconcileEvents.Observes(harness.Metadata, hook), log.Events.Contains(hook));
    }

    [Fact]
    public void The_reconcile_event_set_lists_every_relation_storage_and_pebble_hook_but_not_detaching()
    {
        var hooks = ReconcileEvents.HookNames(harness.Metadata);

        Assert.Contains("db-relation-broken", hooks);
        Assert.Contains("data-storage-attached", hooks);
        Assert.Contains("web-pebble-check-recovered", hooks);
        Assert.DoesNotContain("data-storage-detaching", hooks);
        Assert.DoesNotContain("stop", hooks);
    }

    [Fact]
    public void Dispatch_of_a_misspelt_hook_fails_loudly_with_a_suggestion()
    {
        var typo = Assert.Throws<ArgumentException>(() => harness.Dispatch("leader-setings-changed"));

        Assert.Contains("Juju sends no hook \"leader-setings-changed\" to probe (did you mean \"leader-settings-changed\"?)", typo.Message, StringComparison.Ordinal);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void Dispatch_of_a_relation_hook_without_its_relation_fails_loudly_naming_the_member_to_use()
    {
        harness.Begin();

        var bare = Assert.Throws<ArgumentException>(() => harness.Dispatch("db-relation-changed"));

        Assert.Contains("\"db-relation-changed\" needs its context", bare.Message, StringComparison.Ordinal);
        Assert.Contains("RelationChanged", bare.Message, StringComparison.Ordinal);
        Assert.Empty(log.Events);
    }

    [Fact]
    public void Relation_changed_without_a_data_change_reaches_the_charm()
    {
        harness.Begin();
        var db = harness.AddRelation("db", "postgresql", unitData: new Dictionary<string, string> { ["host"] = "h" });

        harness.RelationChanged(db, "postgresql/0");

        Assert.Equal("db-relation-changed(postgresql/0)", log.Events[^1]);
        Assert.Throws<ArgumentException>(() => harness.RelationChanged(db, "postgresql/7"));
    }

    [Fact]
    public void A_check_not_in_the_plan_fails_loudly_listing_the_checks()
    {
        harness.Begin();
        harness.ContainerPebbleReady("web");

        var undeclared = Assert.Throws<ArgumentException>(() => harness.PebbleCheckFailed("web", "no-such-check"));

        Assert.Contains("container \"web\" has no check \"no-such-check\" in its plan (checks: none)", undeclared.Message, StringComparison.Ordinal);
        Assert.Equal("web-pebble-ready", log.Events[^1]);
    }

    [Fact]
    public void Recovering_a_check_that_never_failed_fails_loudly()
    {
        harness.Begin();
        harness.ContainerPebbleReady("web");
        harness.Pebble("web").AddLayer("checks", "checks:\n  alive:\n    override: replace\n    exec:\n      command: true\n");

        var never = Assert.Throws<InvalidOperationException>(() => harness.PebbleCheckRecovered("web", "alive"));

        Assert.Contains("is up, not down: Pebble sends check-recovered only after check-failed", never.Message, StringComparison.Ordinal);
        Assert.Equal("web-pebble-ready", log.Events[^1]);
        harness.PassCheck("web", "alive");
        Assert.Equal(CheckState.Passing, harness.GetCheck("web", "alive"));
    }

    [Fact]
    public void Set_config_changes_config_without_an_event()
    {
        harness.Begin();

        harness.SetConfig(("mode", "loud"));
        harness.EvaluateStatus();

        Assert.Equal(["update-status"], log.Events);
        Assert.Throws<ArgumentException>(() => harness.SetConfig(("colour", "red")));
    }

    [Fact]
    public async Task Action_parameters_accept_json()
    {
        harness.Begin();

        var result = await harness.RunActionAsync("sum", new JsonObject { ["a"] = 1, ["b"] = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal("3", result.Result("total"));
    }

    public void Dispose() => harness.Dispose();
}
