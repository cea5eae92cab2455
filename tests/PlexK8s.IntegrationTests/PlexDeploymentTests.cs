using System.Text.Json.Nodes;
using Charmarr.Ops.Integration;
using Charmarr.Ops.Integration.Cli;
using Charmarr.Ops.Integration.Waiting;
using Charmarr.Ops.Integration.Xunit;

namespace Charmarr.PlexK8s.IntegrationTests;

/// <summary>
/// plex-k8s deployed from its packed .charm with the media-storage stand-in, on the Juju and Kubernetes the runner has.
/// Every test leaves the deployment as it found it (one active plex unit), so their order does not matter.
/// </summary>
public sealed class PlexDeploymentTests(PlexModelFixture fixture) : JujuIntegrationTest<PlexModelFixture>(fixture), IClassFixture<PlexModelFixture>
{
    private const string DevDriVariable = "CHARMARR_NODE_HAS_DEV_DRI";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Related_to_the_storage_stand_in_plex_mounts_the_shared_volume_and_is_active_unclaimed()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        var status = await juju.GetStatusAsync(Ct);
        var unit = await juju.ShowUnitAsync("plex/0", Ct);
        var statefulSet = await Fixture.Kubectl.GetStatefulSetAsync(PlexModelFixture.Plex, Ct);

        Assert.StartsWith("Unclaimed: run the claim-server action", status.GetUnit("plex/0")!.WorkloadStatus.Message, StringComparison.Ordinal);
        Assert.Contains("32400/tcp", status.GetUnit("plex/0")!.OpenPorts);
        var storage = Assert.Single(unit.Relations, r => r.Endpoint == "media-storage");
        Assert.Contains(storage.ApplicationData.Values, v => v.Contains(PlexModelFixture.SharedPvc, StringComparison.Ordinal));
        Assert.Contains(Volumes(statefulSet), v => (string?)v["persistentVolumeClaim"]?["claimName"] == PlexModelFixture.SharedPvc);
    }

    [Fact]
    public async Task Claim_server_with_a_malformed_token_fails_with_the_charms_message_and_plex_stays_active()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        var task = await juju.RunActionAsync("plex/leader", "claim-server", new JsonObject { ["token"] = "not-a-claim-token" },
            TimeSpan.FromMinutes(2), throwOnFailure: false, Ct);

        Assert.False(task.IsSuccess);
        Assert.Equal("failed", task.Status);
        Assert.Equal("Invalid token. Get one from https://plex.tv/claim", task.Message);
        Assert.DoesNotContain("not-a-claim-token", string.Join('\n', task.Log), StringComparison.Ordinal);
        await juju.WaitAsync(PlexModelFixture.Settled, Conditions.AnyError(), PlexModelFixture.Slow, Ct);
    }

    [Fact]
    public async Task Claim_server_refuses_an_undeclared_parameter_before_the_charm_runs()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        var e = await Assert.ThrowsAsync<JujuCliException>(() => juju.RunActionAsync("plex/leader", "claim-server",
            new JsonObject { ["token"] = "claim-abc", ["colour"] = "blue" }, TimeSpan.FromMinutes(2), cancellationToken: Ct));

        Assert.Contains("colour", e.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hardware_transcoding_on_mounts_dev_dri_into_a_privileged_container_and_off_removes_both()
    {
        var juju = await Fixture.DeployedAsync(Ct);
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable(DevDriVariable) == "1",
            $"{DevDriVariable} is not 1: on a node without /dev/dri the pod could not start with hardware transcoding on (its hostPath is of type Directory), "
            + "and the charm, in that pod, could not turn it off again; the integration workflow creates /dev/dri on its node and sets it");

        await juju.SetConfigAsync(PlexModelFixture.Plex, new Dictionary<string, string> { ["hardware-transcoding"] = "true" }, Ct);
        var on = await WaitForStatefulSetAsync(sts => Volumes(sts).Any(v => (string?)v["name"] == "dev-dri") && IsPrivileged(sts));
        await juju.WaitAsync(PlexModelFixture.Settled, Conditions.AnyError(), PlexModelFixture.Slow, Ct);

        await juju.SetConfigAsync(PlexModelFixture.Plex, new Dictionary<string, string> { ["hardware-transcoding"] = "false" }, Ct);
        var off = await WaitForStatefulSetAsync(sts => Volumes(sts).All(v => (string?)v["name"] != "dev-dri") && !IsPrivileged(sts));
        await juju.WaitAsync(PlexModelFixture.Settled, Conditions.AnyError(), PlexModelFixture.Slow, Ct);

        Assert.Equal("/dev/dri", (string?)Volumes(on).Single(v => (string?)v["name"] == "dev-dri")["hostPath"]?["path"]);
        Assert.Contains(Volumes(off), v => (string?)v["persistentVolumeClaim"]?["claimName"] == PlexModelFixture.SharedPvc);
        Assert.Equal("false", (await juju.GetConfigAsync(PlexModelFixture.Plex, Ct)).GetText("hardware-transcoding"));
    }

    [Fact]
    public async Task Scaled_to_two_the_new_unit_is_blocked_and_scaled_back_to_one_plex_is_active_again()
    {
        var juju = await Fixture.DeployedAsync(Ct);

        await juju.ScaleAsync(PlexModelFixture.Plex, 2, Ct);
        var scaled = await juju.WaitAsync(
            Conditions.UnitWorkload("plex/1", "blocked", "Scaling not supported") & Conditions.AllAgentsIdle(PlexModelFixture.Plex),
            Conditions.AnyError(), PlexModelFixture.Slow, Ct);
        await juju.ScaleAsync(PlexModelFixture.Plex, 1, Ct);
        await juju.WaitAsync(PlexModelFixture.Settled, Conditions.AnyError(), PlexModelFixture.Slow, Ct);

        Assert.Equal("plex/0", scaled.Applications[PlexModelFixture.Plex].Leader);
        Assert.Equal("Scaling not supported - only leader runs workload", scaled.GetUnit("plex/1")!.WorkloadStatus.Message);
    }

    private static IEnumerable<JsonNode> Volumes(JsonNode statefulSet) =>
        (statefulSet["spec"]?["template"]?["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonNode>();

    private static bool IsPrivileged(JsonNode statefulSet) =>
        (statefulSet["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonNode>()
            .Any(c => (string?)c["name"] == "plex" && (bool?)c["securityContext"]?["privileged"] == true);

    private async Task<JsonNode> WaitForStatefulSetAsync(Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        JsonNode statefulSet;
        do
        {
            statefulSet = await Fixture.Kubectl.GetStatefulSetAsync(PlexModelFixture.Plex, Ct);
            if (done(statefulSet))
            {
                return statefulSet;
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"the plex StatefulSet did not change within 5 minutes; last spec: {statefulSet["spec"]?["template"]?.ToJsonString()}");
    }
}
