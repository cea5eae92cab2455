using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Is_leader_runs_through_the_shims()
    {
        using var charm = new TestCharm("is-leader --format=json", new FakeModel { IsLeader = true });
        var result = charm.Unit.RunHook("install");
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("true\n", result.Stdout);
    }
}
