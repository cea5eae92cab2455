using System.Text.Json.Nodes;

namespace Charmarr.Ops.Tests.Kubernetes;

/// <summary>Add, remove and idempotence for every kind of change, through both faces of the simulator.</summary>
public sealed class EveryChangeKindTests
{
    [Theory]
    [MemberData(nameof(ChangeKinds.Cases), MemberType = typeof(ChangeKinds))]
    public async Task Ensuring_it_adds_it_with_one_strategic_merge_patch(string kind, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);

        var result = await cluster.ReconcileAsync(ChangeKinds.Spec(ChangeKinds.All[kind].Ensure));

        Assert.True(result.Changed);
        Assert.True(ChangeKinds.All[kind].IsPresent(cluster));
        Assert.Equal("application/strategic-merge-patch+json", Assert.Single(cluster.Patches).MediaType);
    }

    [Theory]
    [MemberData(nameof(ChangeKinds.Cases), MemberType = typeof(ChangeKinds))]
    public async Task Ensuring_it_again_reads_and_sends_no_patch(string kind, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        var spec = ChangeKinds.Spec(ChangeKinds.All[kind].Ensure);
        await cluster.ArrangeAsync(spec);

        var result = await cluster.ReconcileAsync(spec);

        Assert.False(result.Changed);
        Assert.Empty(result.Changes);
        Assert.Equal("GET", Assert.Single(cluster.Simulator.Requests).Method);
    }

    [Theory]
    [MemberData(nameof(ChangeKinds.Cases), MemberType = typeof(ChangeKinds))]
    public async Task Removing_it_removes_it_with_one_guarded_JSON_patch(string kind, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(ChangeKinds.Spec(ChangeKinds.All[kind].Ensure));

        var result = await cluster.ReconcileAsync(ChangeKinds.Spec(ChangeKinds.All[kind].Remove));

        Assert.True(result.Changed);
        Assert.True(ChangeKinds.All[kind].IsGone(cluster));
        var patch = Assert.Single(cluster.Patches);
        Assert.Equal("application/json-patch+json", patch.MediaType);
        var ops = JsonNode.Parse(patch.Body!)!.AsArray().Select(op => (string?)op!["op"]).ToList();
        Assert.All(ops.Select((op, i) => (op, i)).Where(o => o.op == "remove"), o => Assert.Equal("test", ops[o.i - 1]));
    }

    [Theory]
    [MemberData(nameof(ChangeKinds.Cases), MemberType = typeof(ChangeKinds))]
    public async Task Removing_it_again_reads_and_sends_no_patch(string kind, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        await cluster.ArrangeAsync(ChangeKinds.Spec(ChangeKinds.All[kind].Ensure));
        var remove = ChangeKinds.Spec(ChangeKinds.All[kind].Remove);
        await cluster.ArrangeAsync(remove);

        var result = await cluster.ReconcileAsync(remove);

        Assert.False(result.Changed);
        Assert.Empty(cluster.Patches);
    }

    [Theory]
    [MemberData(nameof(ChangeKinds.Cases), MemberType = typeof(ChangeKinds))]
    public async Task Removing_it_when_it_was_never_there_sends_no_patch(string kind, Face face)
    {
        await using var cluster = SimulatedCluster.Start(face);
        var before = cluster.StatefulSet;

        var result = await cluster.ReconcileAsync(ChangeKinds.Spec(ChangeKinds.All[kind].Remove));

        Assert.False(result.Changed);
        Assert.Empty(cluster.Patches);
        Assert.True(JsonNode.DeepEquals(before, cluster.StatefulSet));
    }
}
