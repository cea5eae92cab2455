using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Tests.Support;

namespace Charmarr.Ops.Integration.Tests.Status;

/// <summary><c>juju status --format json</c> as typed records, from the recorded shapes of Juju 3.6 and 4.0.</summary>
public sealed class StatusTests
{
    private static readonly string[] StatusArgv = ["status", "--model", "plex-it", "--format", "json"];

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task An_active_model_reads_as_applications_units_and_relations(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read(jujuVersion, "status-active.json"));

        var status = await juju.Client().GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.Equal("plex-it-3f9a1c", status.Model.Name);
        Assert.Equal("caas", status.Model.Type);
        Assert.StartsWith(jujuVersion, status.Model.Version, StringComparison.Ordinal);
        var plex = status.Applications["plex"];
        Assert.True(plex.IsActive);
        Assert.Equal("plex-k8s", plex.CharmName);
        Assert.Equal(1, plex.Scale);
        Assert.Equal("plex/0", plex.Leader);
        var unit = plex.Units["plex/0"];
        Assert.True(unit.IsActive);
        Assert.True(unit.IsIdle);
        Assert.False(unit.IsError);
        Assert.StartsWith("Unclaimed: run the claim-server action", unit.WorkloadStatus.Message, StringComparison.Ordinal);
        Assert.Equal(["32400/tcp"], unit.OpenPorts);
        Assert.Equal("plex-0", unit.ProviderId);
        Assert.Equal("charmarr-storage", Assert.Single(plex.Relations["media-storage"]).RelatedApplication);
        Assert.Same(unit, status.GetUnit("plex/0"));
        Assert.Null(status.GetUnit("plex/1"));
        Assert.Equal(2, status.AllUnits.Count());
        juju.AssertAllCalled();
    }

    [Fact]
    public async Task Juju_3_6_prints_an_SLA_and_agent_since_and_4_0_leaves_both_out()
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read("3.6", "status-active.json")).Expect(StatusArgv, Golden.Read("4.0", "status-active.json"));
        var client = juju.Client();

        var on36 = await client.GetStatusAsync(TestContext.Current.CancellationToken);
        var on40 = await client.GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.Equal("unsupported", on36.Model.Sla);
        Assert.Null(on40.Model.Sla);
        Assert.Equal("06 Dec 2026 09:14:56Z", on36.GetUnit("plex/0")!.AgentStatus.Since);
        Assert.Null(on40.GetUnit("plex/0")!.AgentStatus.Since);
        Assert.Equal("idle", on40.GetUnit("plex/0")!.AgentStatus.Current);
        Assert.Equal("4.0.1", on40.GetUnit("plex/0")!.AgentStatus.Version);
    }

    [Fact]
    public async Task A_machine_agent_version_printed_as_null_by_Juju_4_0_reads_as_null()
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read("3.6", "status-machine.json")).Expect(StatusArgv, Golden.Read("4.0", "status-machine.json"));
        var client = juju.Client();

        var on36 = await client.GetStatusAsync(TestContext.Current.CancellationToken);
        var on40 = await client.GetStatusAsync(TestContext.Current.CancellationToken);

        Assert.Equal("3.6.11", on36.Machines["0"].AgentStatus.Version);
        Assert.Null(on40.Machines["0"].AgentStatus.Version);
        Assert.Equal("started", on40.Machines["0"].AgentStatus.Current);
        Assert.Equal("0", on40.GetUnit("ubuntu/0")!.Machine);
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task A_unit_whose_hook_failed_reads_as_in_error(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, Golden.Read(jujuVersion, "status-error.json"));

        var status = await juju.Client().GetStatusAsync(TestContext.Current.CancellationToken);

        var unit = status.GetUnit("plex/0")!;
        Assert.True(unit.IsError);
        Assert.Equal("hook failed: \"config-changed\"", unit.WorkloadStatus.Message);
        Assert.True(status.Applications["plex"].IsError);
        Assert.Empty(unit.OpenPorts);
    }

    [Fact]
    public async Task Output_that_is_not_a_status_is_an_error_naming_the_command()
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, "Model  Controller\nplex-it  ctl\n");

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.Client().GetStatusAsync(TestContext.Current.CancellationToken));

        Assert.Contains("juju status --model plex-it --format json: printed JSON the client cannot read as JujuStatus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_status_command_is_an_error_with_Jujus_message()
    {
        using var juju = new FakeJuju();
        juju.Expect(StatusArgv, exit: 1, stderr: "ERROR model \"plex-it\" not found\n");

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.Client().GetStatusAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1, e.Result.ExitCode);
        Assert.Contains("ERROR model \"plex-it\" not found", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public async Task Show_unit_reads_relation_data_with_private_address_on_3_6_only(string jujuVersion)
    {
        using var juju = new FakeJuju();
        juju.Expect(["show-unit", "--model", "plex-it", "plex/0", "--format", "json"], Golden.Read(jujuVersion, "show-unit.json"));

        var unit = await juju.Client().ShowUnitAsync("plex/0", TestContext.Current.CancellationToken);

        Assert.True(unit.Leader);
        Assert.Equal(["32400/tcp"], unit.OpenedPorts);
        var relation = Assert.Single(unit.Relations);
        Assert.Equal("media-storage", relation.Endpoint);
        Assert.Contains("\"pvc_name\":\"charmarr-shared-data\"", relation.ApplicationData["config"], StringComparison.Ordinal);
        var remote = relation.RelatedUnits["charmarr-storage/0"];
        Assert.True(remote.InScope);
        Assert.Equal("10.152.183.91", remote.Data["ingress-address"]);
        Assert.Equal(jujuVersion == "3.6", remote.Data.ContainsKey("private-address"));
        Assert.Equal(jujuVersion == "3.6", relation.LocalUnit!.Data.ContainsKey("private-address"));
    }

    [Fact]
    public async Task Debug_log_never_follows_replaying_all_or_the_most_recent_lines()
    {
        using var juju = new FakeJuju();
        juju.Expect(["debug-log", "--model", "plex-it", "--no-tail", "--replay"], "unit-plex-0: 09:14:55 INFO juju.worker.uniter.operation ran \"install\" hook\n")
            .Expect(["debug-log", "--model", "plex-it", "--no-tail", "--limit", "200", "--include", "plex/0"], "last\n");
        var client = juju.Client();

        Assert.Contains("ran \"install\" hook", await client.DebugLogAsync(cancellationToken: TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("last\n", await client.DebugLogAsync(200, "plex/0", TestContext.Current.CancellationToken));
        juju.AssertAllCalled();
    }
}
