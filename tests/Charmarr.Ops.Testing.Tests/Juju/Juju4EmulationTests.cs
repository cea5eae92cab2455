using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Ops.Testing.Tests.Juju;

/// <summary>The in-memory model and its hook tools follow the rules of the Juju version they are given: 3.6 or 4.x.</summary>
public sealed class Juju4EmulationTests
{
    private static readonly JujuVersion Juju36 = JujuVersion.Parse("3.6.4");
    private static readonly JujuVersion Juju40 = JujuVersion.Parse("4.0.16");

    private static MemoryJujuBackend Model(JujuVersion juju) => new("plex/0", jujuVersion: juju);

    [Fact]
    public void The_model_defaults_to_Juju_3_6()
    {
        Assert.Equal(Juju36, new MemoryJujuBackend("plex/0").JujuVersion);
        Assert.Equal(Juju36, MemoryJujuBackend.DefaultJujuVersion);
    }

    [Theory]
    [InlineData("3.6.4", new[] { "egress-subnets", "ingress-address", "private-address" })]
    [InlineData("4.0.16", new[] { "egress-subnets", "ingress-address" })]
    public void Unit_bags_carry_private_address_on_3_6_only(string version, string[] keys)
    {
        var backend = Model(JujuVersion.Parse(version));
        var storage = backend.AddRelation("media-storage", "charmarr-storage");
        backend.AddRemoteUnit(storage, "charmarr-storage/0");
        var peers = backend.AddPeerRelation("plex-peers");
        backend.AddRemoteUnit(peers, "plex/1");

        Assert.Equal(keys, backend.GetRelationData("media-storage", storage, "charmarr-storage/0", isApp: false).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(keys, backend.GetLocalUnitData(storage).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(keys, backend.GetRemoteUnitData(peers, "plex/1").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Juju_4_refuses_a_relation_bag_over_16_MiB_and_3_6_keeps_it()
    {
        var big = new string('x', (8 * 1024 * 1024) + 1);
        foreach (var (juju, refused) in new[] { (Juju36, false), (Juju40, true) })
        {
            var backend = Model(juju);
            var id = backend.AddRelation("db", "pg");
            backend.SetRelationData("db", id, new Dictionary<string, string> { ["a"] = big }, isApp: false);

            void SecondHalf() => backend.SetRelationData("db", id, new Dictionary<string, string> { ["b"] = big }, isApp: false);

            if (refused)
            {
                var ex = Assert.Throws<JujuModelException>(SecondHalf);
                Assert.Equal("relation-set", ex.Tool);
                Assert.Equal(1, ex.ExitCode);
                Assert.Contains("max allowed total size (16777216): quota limit exceeded", ex.Message, StringComparison.Ordinal);
                Assert.False(backend.GetLocalUnitData(id).ContainsKey("b"));
            }
            else
            {
                SecondHalf();
                Assert.True(backend.GetLocalUnitData(id).ContainsKey("b"));
            }
        }
    }

    [Fact]
    public void Juju_4_refuses_config_over_16_MiB_in_total_and_3_6_keeps_it()
    {
        var big = JsonValue.Create(new string('x', 9 * 1024 * 1024));
        var on36 = Model(Juju36);
        on36.SetConfig("a", big);
        on36.SetConfig("b", big);
        Assert.Equal(2, on36.GetConfig().Count);

        var on40 = Model(Juju40);
        on40.SetConfig("a", big);
        var ex = Assert.Throws<ArgumentException>(() => on40.SetConfig("b", big));
        Assert.Contains("max allowed total size (16777216)", ex.Message, StringComparison.Ordinal);
        Assert.False(on40.GetConfig().ContainsKey("b"));
    }

    [Fact]
    public void Juju_4_secret_ids_are_opaque_and_the_SDK_reads_them_back()
    {
        var backend = Model(Juju40);
        var id = backend.AddSecret(new Dictionary<string, string> { ["token"] = "t" }, SecretOwner.Unit, new SecretOptions(Label: "api"));

        Assert.StartsWith("secret:opaque-", id, StringComparison.Ordinal);
        Assert.NotEqual(20, id["secret:".Length..].Length);
        Assert.True(ConfigValues.IsSecretUri(id, Juju40));
        Assert.Equal("t", backend.GetSecret(id, null, refresh: false, peek: false)["token"]);
        Assert.Equal("t", backend.GetSecret($"secret://{backend.ModelUuid}/{id["secret:".Length..]}", null, refresh: false, peek: false)["token"]);
        Assert.EndsWith(id["secret:".Length..], backend.GetSecretInfo(null, "api").Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Leader_settings_tools_work_on_3_6()
    {
        var backend = Model(Juju36);
        backend.Leader = true;
        var tools = new MemoryHookTools(backend, new Dictionary<string, string>());

        Assert.Equal(0, tools.Run("leader-set", ["seed=42"], () => "").ExitCode);
        var got = tools.Run("leader-get", ["--format=json", "seed"], () => "");

        Assert.Equal((0, "\"42\"\n"), (got.ExitCode, got.Stdout));
        Assert.Contains("leader-get", HookToolSocketServer.ToolNamesFor(Juju36));
    }

    [Fact]
    public void A_non_leader_leader_set_fails_as_Juju_3_6_does()
    {
        var tools = new MemoryHookTools(Model(Juju36), new Dictionary<string, string>());

        var set = tools.Run("leader-set", ["seed=42"], () => "");

        Assert.Equal((1, "ERROR cannot write leadership settings: cannot write settings: not the leader\n"), (set.ExitCode, set.Stderr));
    }

    [Theory]
    [InlineData("leader-get")]
    [InlineData("leader-set")]
    public void Juju_4_has_no_leader_settings_tools_an_unknown_command_as_the_unit_agent_answers(string tool)
    {
        var backend = Model(Juju40);
        backend.Leader = true;
        var tools = new MemoryHookTools(backend, new Dictionary<string, string>());

        var result = tools.Run(tool, ["seed=42"], () => "");

        Assert.Equal((1, "", $"ERROR bad request: unknown command: {tool}\n"), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.DoesNotContain(tool, HookToolSocketServer.ToolNamesFor(Juju40));
        Assert.Empty(backend.LeaderSettings);
    }
}
