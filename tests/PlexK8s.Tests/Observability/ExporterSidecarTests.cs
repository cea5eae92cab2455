using Charmarr.Ops.Backend;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.PlexK8s.Observability;
using Charmarr.PlexK8s.Tests.Charm;
using Charmarr.PlexK8s.Tests.Workload;

namespace Charmarr.PlexK8s.Tests.Observability;

/// <summary>The plex-exporter sidecar: started once Plex is claimed, with the token in a 0600 file and never in the plan.</summary>
public sealed class ExporterSidecarTests : IAsyncLifetime
{
    private PlexHarness plex = null!;

    private PebbleSimulator Exporter => plex.Harness.Pebble(ExporterSidecar.ContainerName);

    public async ValueTask InitializeAsync() => plex = await PlexHarness.StartAsync();

    public ValueTask DisposeAsync() => plex.DisposeAsync();

    [Fact]
    public void An_unclaimed_server_gets_no_exporter()
    {
        plex.Deploy();

        plex.PlexInitialises();

        Assert.Empty(plex.Harness.GetPlan(ExporterSidecar.ContainerName).Services);
        Assert.False(Exporter.PathExists(ExporterSidecar.TokenPath));
    }

    [Fact]
    public void A_claimed_server_runs_the_exporter_with_the_token_in_a_private_file_not_the_plan()
    {
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.Claimed("server-token-42"));

        var plan = plex.Harness.GetPlan(ExporterSidecar.ContainerName);
        var service = plan.Services[ExporterSidecar.ServiceName];
        Assert.Equal("/srv", service.WorkingDir);
        Assert.Equal("http://localhost:32400", service.Environment!["PLEX_ADDR"]);
        Assert.Contains("bundle exec puma -b tcp://0.0.0.0:9594", service.Command, StringComparison.Ordinal);
        Assert.DoesNotContain("server-token-42", plan.Yaml, StringComparison.Ordinal);
        Assert.Equal("http://localhost:9594/metrics", plan.Checks[ExporterSidecar.ReadyCheckName].Http!.Url);
        Assert.Equal("server-token-42", Exporter.ReadTextFile(ExporterSidecar.TokenPath));
        Assert.Equal(Convert.ToInt32("600", 8), Assert.Single(Exporter.ListFiles(ExporterSidecar.TokenPath, itself: true)).Permissions);
        Assert.Equal(ServiceStatus.Active, plex.Harness.GetServiceStatuses(ExporterSidecar.ContainerName)[ExporterSidecar.ServiceName]);
        Assert.DoesNotContain(plex.Harness.LogMessages(JujuLogLevel.Debug).Concat(plex.Harness.LogMessages(JujuLogLevel.Info)), l => l.Contains("server-token-42", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_token_replaces_the_file_and_restarts_the_running_exporter()
    {
        plex.Deploy();
        plex.PlexInitialises(PreferencesSamples.Claimed("first-token"));
        var restartsBefore = Exporter.GetChanges("all").Count(c => c.Kind == "restart");

        plex.Plex.WriteFile(PlexK8s.Workload.PlexWorkload.PreferencesPath, PreferencesSamples.Claimed("second-token"), new FileCreation { UserId = 1000, GroupId = 1000 });
        plex.Harness.Dispatch("update-status");

        Assert.Equal("second-token", Exporter.ReadTextFile(ExporterSidecar.TokenPath));
        Assert.Equal(restartsBefore + 1, Exporter.GetChanges("all").Count(c => c.Kind == "restart"));
    }

    [Fact]
    public void An_exporter_container_that_is_not_up_yet_is_left_for_a_later_event()
    {
        plex.Harness.SetCanConnect(ExporterSidecar.ContainerName, false);
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.Claimed("server-token-42"));

        Assert.Equal(Ops.Model.Status.Active(), plex.Harness.UnitStatus);
        plex.Harness.SetCanConnect(ExporterSidecar.ContainerName, true);
        plex.Harness.ContainerPebbleReady(ExporterSidecar.ContainerName);
        Assert.Contains(ExporterSidecar.ServiceName, plex.Harness.GetPlan(ExporterSidecar.ContainerName).Services.Keys);
    }

    [Fact]
    public void An_exporter_that_fails_to_start_is_a_warning_and_plex_stays_active()
    {
        Exporter.FailNextStart(ExporterSidecar.ServiceName, 1, "bundler: command not found: puma");
        plex.Deploy();

        plex.PlexInitialises(PreferencesSamples.Claimed("server-token-42"));

        Assert.Equal(Ops.Model.Status.Active(), plex.Harness.UnitStatus);
        Assert.Contains(plex.Harness.LogMessages(JujuLogLevel.Warning), l => l.Contains("The Plex exporter did not start", StringComparison.Ordinal));
    }

    [Fact]
    public void The_layer_keeps_the_token_out_of_the_command_and_environment()
    {
        var yaml = ExporterSidecar.Layer.ToYaml();

        Assert.Contains($"cat {ExporterSidecar.TokenPath}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("PLEX_TOKEN:", yaml, StringComparison.Ordinal);
        Assert.Equal(ServiceStartup.Enabled, ExporterSidecar.Layer.Services[ExporterSidecar.ServiceName].Startup);
    }
}
