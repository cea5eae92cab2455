using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.PlexK8s.Workload;

namespace Charmarr.PlexK8s.Tests.Charm;

/// <summary>
/// Plex's first readiness reaches the charm within seconds: the leader's layer runs a notifier that records a custom
/// notice once the check has succeeded, and that notice's event (not the next update-status) brings the unit to Active.
/// </summary>
public sealed class ReadyNoticeTests : IAsyncLifetime
{
    private PlexHarness plex = null!;

    public async ValueTask InitializeAsync() => plex = await PlexHarness.StartAsync();

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    [Fact]
    public void The_leader_replans_with_the_notifier_enabled_beside_plex()
    {
        plex.Deploy();

        var plan = plex.Harness.GetPlan("plex");

        Assert.Equal(ReadyNotifier.Service with { Override = null }, plan.Services["plex-ready-notifier"] with { Override = null });
        Assert.Equal("active", Assert.Single(plex.Plex.GetServices("plex-ready-notifier")).Current);
    }

    [Fact]
    public void A_standby_unit_gets_no_notifier()
    {
        plex.Deploy(leader: false);

        Assert.DoesNotContain("plex-ready-notifier", plex.Harness.GetPlan("plex").Services.Keys);
    }

    [Fact]
    public void The_ready_notice_opens_the_port_and_makes_the_unit_active_in_its_own_event()
    {
        plex.Deploy();
        plex.Plex.WriteFile(PlexWorkload.PreferencesPath, Workload.PreferencesSamples.Unclaimed, new Ops.Testing.Pebble.FileCreation { UserId = 1000, GroupId = 1000, MakeParents = true });
        plex.Harness.PassCheck("plex", PlexWorkload.ReadyCheckName);
        Assert.Equal(Status.Waiting("Starting Plex"), plex.Harness.UnitStatus);

        plex.Harness.PebbleNotify("plex", ReadyNotifier.NoticeKey);

        Assert.Equal(StatusKind.Active, plex.Harness.UnitStatus.Kind);
        Assert.StartsWith("Unclaimed:", plex.Harness.UnitStatus.Message, StringComparison.Ordinal);
        Assert.Equal([Port.Tcp(32400)], plex.Harness.OpenedPorts);
    }

    [Fact]
    public void A_notice_before_the_check_has_succeeded_changes_nothing()
    {
        plex.Deploy();

        plex.Harness.PebbleNotify("plex", ReadyNotifier.NoticeKey);

        Assert.Equal(Status.Waiting("Starting Plex"), plex.Harness.UnitStatus);
        Assert.Empty(plex.Harness.OpenedPorts);
    }

    [Fact]
    public void The_notifier_reads_the_check_without_running_it_notifies_once_it_has_a_success_and_stays_idle()
    {
        var service = ReadyNotifier.Service;

        Assert.Equal(
            "/bin/sh -c 'sleep 1; until case $(/charm/bin/pebble checks plex-ready --format=json 2>/dev/null) in " +
            "*successes?:[1-9]*) true;; *) false;; esac; do sleep 2; done; /charm/bin/pebble notify charmarr.dev/plex-ready; " +
            "while :; do sleep 3600; done'",
            service.Command);
        Assert.Equal((PebbleServiceAction.Ignore, PebbleServiceAction.Ignore), (service.OnSuccess, service.OnFailure));
        Assert.Equal(ServiceStartup.Enabled, service.Startup);
        Assert.Null(service.UserId);
    }

    [Theory]
    [InlineData("/opt/pebble bin")]
    [InlineData("/charm/bin/pebble';rm")]
    [InlineData("$HOME/pebble")]
    public void A_pebble_path_the_script_cannot_hold_unquoted_is_refused(string path)
    {
        Assert.Throws<ArgumentException>(() => ReadyNotifier.ForPebbleAt(path));
    }
}
