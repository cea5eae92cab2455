using System.Text.Json;
using Charmarr.Ops.Integration.Json;
using Charmarr.Ops.Integration.Status;
using Charmarr.Ops.Integration.Tests.Support;
using Charmarr.Ops.Integration.Waiting;

namespace Charmarr.Ops.Integration.Tests.Waiting;

/// <summary>The status conditions over the recorded shapes of both Juju versions.</summary>
public sealed class ConditionsTests
{
    private static JujuStatus Read(string juju, string name) =>
        JsonSerializer.Deserialize(Golden.Read(juju, name), IntegrationJsonContext.Default.JujuStatus)!;

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public void All_active_holds_for_an_active_model_and_fails_for_a_missing_application(string juju)
    {
        var status = Read(juju, "status-active.json");

        Assert.True(Conditions.AllActive().IsMet(status));
        Assert.True(Conditions.AllActive("plex").IsMet(status));
        Assert.False(Conditions.AllActive("plex", "istio-ingress").IsMet(status));
        Assert.True(Conditions.AllAgentsIdle("plex").IsMet(status));
        Assert.False(Conditions.AnyError().IsMet(status));
        Assert.False(Conditions.AllBlocked("plex").IsMet(status));
        Assert.False(Conditions.AnyBlocked().IsMet(status));
        Assert.True(Conditions.UnitCount("plex", 1).IsMet(status));
        Assert.True(Conditions.UnitWorkload("plex/0", "active", "Unclaimed").IsMet(status));
        Assert.False(Conditions.UnitWorkload("plex/0", "active", "claimed to").IsMet(status));
    }

    [Theory]
    [MemberData(nameof(Golden.Versions), MemberType = typeof(Golden))]
    public void Any_error_holds_for_a_failed_hook_only_for_the_application_it_names(string juju)
    {
        var status = Read(juju, "status-error.json");

        Assert.True(Conditions.AnyError().IsMet(status));
        Assert.True(Conditions.AnyError("plex").IsMet(status));
        Assert.False(Conditions.AnyError("charmarr-storage").IsMet(status));
        Assert.False(Conditions.AllActive().IsMet(status));
        Assert.True(Conditions.AllActive("charmarr-storage").IsMet(status));
    }

    [Fact]
    public void Conditions_compose_with_and_or_not_and_say_so_in_their_description()
    {
        var status = Read("3.6", "status-active.json");
        var active = Conditions.AllActive("plex");
        var error = Conditions.AnyError();

        Assert.True((active & !error).IsMet(status));
        Assert.False((active & error).IsMet(status));
        Assert.True((error | active).IsMet(status));
        Assert.False(active.Not().IsMet(status));
        Assert.True(active.And(Conditions.AllAgentsIdle()).Or(error).IsMet(status));
        Assert.Equal("(all of plex active) and (not (any of every application in error))", (active & !error).Description);
        Assert.True(Conditions.Custom("two applications", s => s.Applications.Count == 2).IsMet(status));
    }

    [Fact]
    public void An_empty_model_meets_no_all_condition()
    {
        var empty = new JujuStatus();

        Assert.False(Conditions.AllActive().IsMet(empty));
        Assert.False(Conditions.AllAgentsIdle().IsMet(empty));
        Assert.Contains("(no applications)", StatusSummary.Render(empty), StringComparison.Ordinal);
        Assert.Equal("(no status was read)", StatusSummary.Render(null));
    }
}
