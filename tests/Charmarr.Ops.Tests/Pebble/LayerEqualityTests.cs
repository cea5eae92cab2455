using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>Deep value equality of the layer records, so a charm can compare the plan's service with the one it wants.</summary>
public sealed class LayerEqualityTests
{
    private static PebbleService Service() => new()
    {
        Override = PebbleOverride.Replace,
        Command = "/plex",
        Startup = ServiceStartup.Enabled,
        After = ["setup"],
        Environment = new Dictionary<string, string> { ["TZ"] = "UTC", ["HOME"] = "/config" },
        OnCheckFailure = new Dictionary<string, PebbleServiceAction> { ["up"] = PebbleServiceAction.Restart },
        UserId = 0,
        KillDelay = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void Services_built_separately_with_the_same_content_are_equal()
    {
        var a = Service();
        var b = Service() with { Environment = new Dictionary<string, string> { ["HOME"] = "/config", ["TZ"] = "UTC" } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_different_environment_value_makes_services_differ()
    {
        var changed = Service() with { Environment = new Dictionary<string, string> { ["TZ"] = "Europe/Paris", ["HOME"] = "/config" } };

        Assert.NotEqual(Service(), changed);
    }

    [Fact]
    public void A_different_list_order_makes_services_differ()
    {
        Assert.NotEqual(Service() with { After = ["a", "b"] }, Service() with { After = ["b", "a"] });
    }

    [Fact]
    public void A_different_check_failure_action_makes_services_differ()
    {
        var changed = Service() with { OnCheckFailure = new Dictionary<string, PebbleServiceAction> { ["up"] = PebbleServiceAction.Ignore } };

        Assert.NotEqual(Service(), changed);
    }

    [Fact]
    public void A_user_id_of_zero_differs_from_no_user_id()
    {
        Assert.NotEqual(Service(), Service() with { UserId = null });
    }

    [Fact]
    public void An_empty_list_or_map_equals_an_absent_one_as_in_Pebbles_plan()
    {
        var empty = Service() with { Before = [], Requires = [], Environment = new Dictionary<string, string>(), OnCheckFailure = new Dictionary<string, PebbleServiceAction>() };
        var absent = Service() with { Before = null, Requires = null, Environment = null, OnCheckFailure = null };

        Assert.Equal(empty, absent);
        Assert.Equal(empty.GetHashCode(), absent.GetHashCode());
    }

    [Fact]
    public void Checks_compare_their_nested_probe_by_content()
    {
        PebbleCheck Check(string header) => new()
        {
            Override = PebbleOverride.Replace,
            Http = new PebbleHttpCheck { Url = "http://x/", Headers = new Dictionary<string, string> { ["H"] = header } },
            Exec = new PebbleExecCheck { Command = "c", Environment = new Dictionary<string, string> { ["E"] = header } },
        };

        Assert.Equal(Check("1"), Check("1"));
        Assert.Equal(Check("1").GetHashCode(), Check("1").GetHashCode());
        Assert.NotEqual(Check("1"), Check("2"));
    }

    [Fact]
    public void Log_targets_compare_services_and_labels_by_content()
    {
        PebbleLogTarget Target(string label) => new() { Type = "loki", Services = ["all"], Labels = new Dictionary<string, string> { ["app"] = label } };

        Assert.Equal(Target("plex"), Target("plex"));
        Assert.NotEqual(Target("plex"), Target("other"));
    }

    [Fact]
    public void Layers_compare_their_items_by_content()
    {
        PebbleLayer Layer(string command) => new()
        {
            Summary = "s",
            Services = new Dictionary<string, PebbleService> { ["plex"] = Service() with { Command = command } },
        };

        Assert.Equal(Layer("/plex"), Layer("/plex"));
        Assert.NotEqual(Layer("/plex"), Layer("/other"));
    }

    [Fact]
    public void Plans_compare_content_not_the_YAML_text()
    {
        var fourSpaces = PebblePlan.Parse("services:\n    plex:\n        override: replace\n        command: /plex\n        kill-delay: 1m0s\n");
        var twoSpaces = PebblePlan.Parse("services:\n  plex:\n    command: /plex\n    override: replace\n    kill-delay: 60s\n");

        Assert.NotEqual(fourSpaces.Yaml, twoSpaces.Yaml);
        Assert.Equal(fourSpaces, twoSpaces);
    }

    [Fact]
    public void The_plans_service_equals_the_desired_service_after_a_round_trip_through_Pebbles_rendering()
    {
        var desired = Service();
        var layer = new PebbleLayer { Services = new Dictionary<string, PebbleService> { ["plex"] = desired } };

        var plan = PebblePlan.Parse(layer.ToYaml());

        Assert.Equal(desired, plan.Services["plex"]);
    }
}
