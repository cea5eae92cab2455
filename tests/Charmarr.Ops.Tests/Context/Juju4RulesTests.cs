using Charmarr.Ops.Backend;
using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;
using Xunit;

namespace Charmarr.Ops.Tests.Context;

/// <summary>What the SDK does differently on Juju 3.6 and on Juju 4.x, read from <c>JUJU_VERSION</c>.</summary>
public sealed class Juju4RulesTests
{
    private static readonly JujuVersion Juju36 = JujuVersion.Parse("3.6.4");
    private static readonly JujuVersion Juju40 = JujuVersion.Parse("4.0.16");

    private static ActionMeta Action(bool? additionalProperties) =>
        new("restart", "", new Dictionary<string, ActionParamMeta>(), [], additionalProperties);

    [Theory]
    [InlineData("3.6.4", true)]
    [InlineData("3.6.0", true)]
    [InlineData("4.0.0", false)]
    [InlineData("4.0.16", false)]
    [InlineData("4.1-beta1", false)]
    public void Undeclared_additionalProperties_follow_the_running_Jujus_default(string version, bool allowed) =>
        Assert.Equal(allowed, Action(null).AllowsAdditionalProperties(JujuVersion.Parse(version)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Declared_additionalProperties_win_on_every_Juju(bool declared)
    {
        Assert.Equal(declared, Action(declared).AllowsAdditionalProperties(Juju36));
        Assert.Equal(declared, Action(declared).AllowsAdditionalProperties(Juju40));
    }

    [Fact]
    public void The_loader_keeps_an_undeclared_additionalProperties_undecided()
    {
        var meta = CharmMetadata.ParseCharmcraft("name: x\nactions:\n  go: {}\n  strict:\n    additionalProperties: false\n");

        Assert.Null(meta.Actions["go"].AdditionalProperties);
        Assert.False(meta.Actions["strict"].AdditionalProperties);
    }

    [Theory]
    [InlineData("secret:d0hcvo7mp25c7793ikkg", true, true)]
    [InlineData("secret://5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90/d0hcvo7mp25c7793ikkg", true, true)]
    [InlineData("secret:0f8e2a7c-secret-Opaque_id.v2", false, true)]
    [InlineData("secret://5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90/0f8e2a7c-opaque", false, true)]
    [InlineData("secret:short", false, true)]
    [InlineData("d0hcvo7mp25c7793ikkg", false, false)]
    [InlineData("secret:", false, false)]
    [InlineData("secret:a/b", false, false)]
    [InlineData("secret:has space", false, false)]
    [InlineData("secret://not-a-uuid/abc", false, false)]
    public void Secret_config_values_are_xids_on_3_6_and_opaque_ids_on_4(string value, bool on36, bool on40)
    {
        Assert.Equal(on36, ConfigValues.IsSecretUri(value, Juju36));
        Assert.Equal(on40, ConfigValues.IsSecretUri(value, Juju40));
    }

    [Fact]
    public void Juju_4_has_no_leader_settings_no_private_address_and_enforces_data_totals()
    {
        Assert.True(Juju36.HasLeaderSettings);
        Assert.True(Juju36.HasRelationPrivateAddress);
        Assert.False(Juju36.EnforcesDataSizeLimits);
        Assert.False(Juju36.HasOpaqueSecretIds);
        Assert.False(Juju40.HasLeaderSettings);
        Assert.False(Juju40.HasRelationPrivateAddress);
        Assert.True(Juju40.EnforcesDataSizeLimits);
        Assert.True(Juju40.HasOpaqueSecretIds);
        Assert.Equal(16 * 1024 * 1024, JujuLimits.MaxRelationSettingsBytes);
        Assert.Equal(16 * 1024 * 1024, JujuLimits.MaxApplicationConfigBytes);
    }

    [Fact]
    public void The_context_reads_JUJU_TARGET_BASE_and_needs_no_JUJU_TARGET_SERIES()
    {
        var context = JujuContext.FromEnvironment(new Dictionary<string, string?>
        {
            ["JUJU_UNIT_NAME"] = "plex/0",
            ["JUJU_DISPATCH_PATH"] = "hooks/pre-series-upgrade",
            ["JUJU_VERSION"] = "4.0.16",
            ["JUJU_TARGET_BASE"] = "ubuntu@24.04",
        });

        Assert.Equal("ubuntu@24.04", context.TargetBase);
        Assert.Equal(Juju40, context.Version);
    }

    [Fact]
    public void The_hook_tool_backend_never_names_a_tool_Juju_4_removed()
    {
        // leader-get/leader-set are gone in Juju 4.0; the production backend is the only code that runs hook tools.
        var source = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Charmarr.Ops", "HookTools", "HookToolBackend.cs"));
        Assert.DoesNotContain("\"leader-get\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"leader-set\"", source, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Charmarr.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Charmarr.sln not found above the test binaries");
    }
}
