using System.Text.Json.Nodes;
using Charmarr.Ops.FakeJuju.Driver;
using Charmarr.Ops.FakeJuju.Model;

namespace Charmarr.Ops.FakeJuju.Tests;

/// The strict fake under <see cref="FakeModel.JujuVersion"/> 3.6 and 4.0: each version's tools, bags and limits.
public sealed class Juju4Tests
{
    private static FakeModel On(string version, bool leader = true) => new() { JujuVersion = version, IsLeader = leader };

    [Theory]
    [InlineData("3.6.4")]
    [InlineData("4.0.16")]
    public void The_hook_sees_the_emulated_JUJU_VERSION(string version)
    {
        using var charm = new TestCharm("echo \"$JUJU_VERSION\"", On(version));

        var result = charm.Unit.RunHook("install");

        Assert.Equal(version + "\n", result.Stdout);
    }

    [Fact]
    public void Leader_settings_work_on_3_6()
    {
        using var charm = new TestCharm("leader-set seed=42\nleader-get --format=json seed", On("3.6.4"));

        var result = charm.Unit.RunHook("leader-elected");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("\"42\"\n", result.Stdout);
        Assert.True(File.Exists(Path.Combine(charm.Unit.ShimsDirectory, "leader-get")));
    }

    [Fact]
    public void Juju_4_has_no_leader_get_command_and_the_agent_answers_it_as_unknown()
    {
        // No shim: the charm's shell finds no such command (127), as on a 4.x unit. Through the tool host itself (as
        // jujuc invoked under that name): exit 1, "ERROR bad request: unknown command: leader-get".
        var dll = ShimDirectory.ToolAssemblyPath;
        using var charm = new TestCharm($"leader-get seed; echo \"shell:$?\"\ndotnet '{dll}' leader-set seed=42; echo \"agent:$?\"", On("4.0.16"));

        var result = charm.Unit.RunHook("leader-elected");

        Assert.False(File.Exists(Path.Combine(charm.Unit.ShimsDirectory, "leader-get")));
        Assert.False(File.Exists(Path.Combine(charm.Unit.ShimsDirectory, "leader-set")));
        Assert.Contains("shell:127", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("agent:1", result.Stdout, StringComparison.Ordinal);
        var call = Assert.Single(result.Calls);
        Assert.Equal(("leader-set", 1, "ERROR bad request: unknown command: leader-set\n"), (call.Tool, call.ExitCode, call.Stderr));
        Assert.Empty(result.Model.LeaderSettings);
    }

    [Theory]
    [InlineData("3.6.4", "{\"egress-subnets\":\"10.1.1.11/32\",\"ingress-address\":\"10.1.1.11\",\"private-address\":\"10.1.1.11\"}\n")]
    [InlineData("4.0.16", "{\"egress-subnets\":\"10.1.1.11/32\",\"ingress-address\":\"10.1.1.11\"}\n")]
    public void Remote_unit_bags_carry_private_address_on_3_6_only(string version, string expected)
    {
        var model = On(version);
        model.AddRelation("db", "pg", "pg/0");
        using var charm = new TestCharm("relation-get --format=json -r db:1 - pg/0", model);

        var result = charm.Unit.RunHook("db-relation-changed", relationId: 1, remoteUnit: "pg/0");

        Assert.Equal(expected, result.Stdout);
    }

    [Theory]
    [InlineData("3.6.4", 0)]
    [InlineData("4.0.16", 1)]
    public void Relation_bags_over_16_MiB_are_refused_on_4_only(string version, int exitCode)
    {
        var model = On(version);
        model.AddRelation("db", "pg", "pg/0");
        // Two 9 MiB values: each alone fits, together they cross Juju 4's 16 MiB total.
        var script = "head -c 9437184 /dev/zero | tr '\\0' x | sed 's/^/a: /' | relation-set -r db:1 --file -\n"
            + "head -c 9437184 /dev/zero | tr '\\0' x | sed 's/^/b: /' | relation-set -r db:1 --file -; echo \"second:$?\"";
        using var charm = new TestCharm(script, model);

        var result = charm.Unit.RunHook("db-relation-changed", relationId: 1, remoteUnit: "pg/0");

        Assert.Contains($"second:{exitCode}", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, result.Calls[0].ExitCode);
        if (exitCode == 1)
        {
            Assert.Equal("ERROR max allowed total size (16777216): quota limit exceeded\n", result.Calls[1].Stderr);
        }
    }

    [Fact]
    public void Config_over_16_MiB_in_total_is_refused_on_4_only()
    {
        var big = JsonValue.Create(new string('x', 9 * 1024 * 1024));
        On("3.6.4").SetConfig("a", big).SetConfig("b", big);

        var juju4 = On("4.0.16").SetConfig("a", big);
        var ex = Assert.Throws<ArgumentException>(() => juju4.SetConfig("b", big));

        Assert.Contains("max allowed total size (16777216): quota limit exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.6.4", true)]
    [InlineData("4.0.16", false)]
    public void An_action_that_does_not_set_additionalProperties_takes_undeclared_parameters_on_3_6_only(string version, bool accepted)
    {
        using var charm = new TestCharm("action-get --format=json", On(version));
        File.WriteAllText(Path.Combine(charm.Unit.CharmDirectory, "charmcraft.yaml"),
            "name: script\nactions:\n  loose:\n    params:\n      a: {type: string}\n  strict:\n    params:\n      a: {type: string}\n    additionalProperties: false\n");
        var extra = new JsonObject { ["a"] = "x", ["b"] = "y" };

        var loose = Record.Exception(() => charm.Unit.RunAction("loose", (JsonObject)extra.DeepClone()));
        var strict = Assert.Throws<ArgumentException>(() => charm.Unit.RunAction("strict", (JsonObject)extra.DeepClone()));

        Assert.Equal(accepted, loose is null);
        Assert.Contains("parameters not declared (b)", strict.Message, StringComparison.Ordinal);
        Assert.True(charm.Unit.RunAction("strict", new JsonObject { ["a"] = "x" }).Succeeded);
    }
}
