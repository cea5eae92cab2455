using Charmarr.Ops.Context;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Scenario;

namespace Charmarr.Ops.Testing.Tests.Harness;

/// <summary>The Harness and the state-transition API run a charm under the Juju version of <see cref="CharmTestOptions.JujuVersion"/>.</summary>
public sealed class JujuVersionHarnessTests
{
    private static CharmTestOptions On(string version) => new() { JujuVersion = version };

    [Theory]
    [InlineData("3.6.4")]
    [InlineData("4.0.16")]
    public void The_charm_sees_the_configured_JUJU_VERSION(string version)
    {
        var log = new ProbeLog();
        JujuVersion? seen = null;
        log.During = (model, _) => seen = model.JujuVersion;
        using var harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log), On(version));
        harness.Begin();

        harness.UpdateConfig(("mode", "loud"));

        Assert.Equal(JujuVersion.Parse(version), seen);
        Assert.Equal(JujuVersion.Parse(version), harness.Backend.JujuVersion);
    }

    [Fact]
    public void An_undeclared_action_parameter_passes_on_3_6_and_is_refused_on_4_when_the_action_does_not_say()
    {
        // "fail-me" declares no additionalProperties: Juju 3.6 defaults it to true, Juju 4 to false.
        using var on36 = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()), On("3.6.4"));
        using var on40 = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()), On("4.0.16"));
        on36.Begin();
        on40.Begin();

        var ran = on36.RunAction("fail-me", ("verbose", true));
        var refused = Assert.Throws<ArgumentException>(() => on40.RunAction("fail-me", ("verbose", true)));

        Assert.True(ran.Failed); // it ran: fail-me fails by design
        Assert.Contains("action \"fail-me\" has no parameter \"verbose\" (Juju 4.0.16 allows no additional properties", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_transition_API_checks_action_parameters_by_the_configured_Juju()
    {
        var on36 = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()), On("3.6.4"));
        var on40 = new Context<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()), On("4.0.16"));

        var ran = on36.Run(on36.On.Action("fail-me", ("verbose", true)), new CharmState());
        var refused = Assert.Throws<InconsistentStateException>(() => on40.Run(on40.On.Action("fail-me", ("verbose", true)), new CharmState()));

        Assert.True(ran.Failed);
        Assert.Contains("\"verbose\"", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.6.4", "secret:d0hcvo7mp25c7793ikkg", true)]
    [InlineData("3.6.4", "secret:0f8e2a7c-opaque-id", false)]
    [InlineData("4.0.16", "secret:d0hcvo7mp25c7793ikkg", true)]
    [InlineData("4.0.16", "secret:0f8e2a7c-opaque-id", true)]
    [InlineData("4.0.16", "secret://5b3c1f0a-7d2e-4c1b-9a8f-0e6d2c4b1a90/0f8e2a7c-opaque-id", true)]
    [InlineData("4.0.16", "not-a-secret", false)]
    public void A_secret_option_takes_the_secret_ids_of_the_configured_Juju(string version, string value, bool accepted)
    {
        var metadata = CharmMetadata.ParseCharmcraft(
            ProbeCharm.Metadata.Replace("    mode:\n", "    api-key:\n      type: secret\n    mode:\n", StringComparison.Ordinal));
        using var harness = new Harness<ProbeCharm>(metadata, ProbeCharm.Configure(new ProbeLog()), On(version));
        harness.Begin();

        var error = Record.Exception(() => harness.UpdateConfig(("api-key", value)));

        if (accepted)
        {
            Assert.Null(error);
            Assert.Equal(value, harness.Backend.GetConfig()["api-key"]!.GetValue<string>());
        }
        else
        {
            Assert.Contains("config option \"api-key\" is of type secret", Assert.IsType<ArgumentException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Juju_4_config_over_its_16_MiB_total_is_refused_by_the_Harness()
    {
        using var harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()), On("4.0.16"));
        harness.Begin();

        var ex = Assert.Throws<ArgumentException>(() => harness.UpdateConfig(("mode", new string('x', (16 * 1024 * 1024) + 1))));

        Assert.Contains("quota limit exceeded", ex.Message, StringComparison.Ordinal);
    }
}
