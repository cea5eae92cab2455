using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

public sealed class DriverTests
{
    [Fact]
    public void Model_changes_between_hooks_are_seen_by_the_next_hook_and_calls_are_logged_per_run()
    {
        using var charm = new TestCharm("""
            is-leader --format=json
            relation-get --format=json -r "$(relation-ids db)" password pg/0
            """);
        var first = charm.Unit.RunHook("start");
        Assert.Equal("false\n", first.Calls[0].Stdout);
        Assert.Equal(("relation-get", 2, "ERROR invalid value \"\" for flag -r: invalid relation id\n"), (first.Calls[2].Tool, first.Calls[2].ExitCode, first.Calls[2].Stderr));

        charm.Unit.SetLeader(true);
        var id = charm.Unit.AddRelation("db", "pg", "pg/0");
        charm.Unit.SetRemoteUnitData(id, "pg/0", "password", "s3cret");
        var second = charm.Unit.RunHook("update-status");

        Assert.Equal(["is-leader", "relation-ids", "relation-get"], second.Calls.Select(c => c.Tool));
        Assert.Equal("true\n\"s3cret\"\n", second.Stdout);
        Assert.Equal(["--format=json", "-r", "db:1", "password", "pg/0"], second.Calls[2].Args);
        Assert.Equal(6, charm.Unit.AllCalls.Count);
        Assert.True(charm.Unit.Model.IsLeader);
    }
}
