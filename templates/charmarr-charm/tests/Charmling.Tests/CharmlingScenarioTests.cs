using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Scenario;

namespace Charmling.Tests;

/// <summary>
/// The same charm as state transitions: a <see cref="CharmState"/> in, one event, a <see cref="CharmState"/> out. Immutable
/// records with value equality, so "nothing changed" is one assertion.
/// </summary>
public sealed class CharmlingScenarioTests
{
    private readonly Context<CharmlingCharm> ctx = new(AppContext.BaseDirectory, b => CharmlingApp.Configure(b));

    /// <summary>The workload container with the charm's layer for <paramref name="port"/> and its service running.</summary>
    private static ContainerState Serving(long port) => new("workload")
    {
        CanConnect = true,
        Layers = [new Layer("charmling", new WorkloadLayer(documentRoot: "/www").Build(port))],
        ServiceStatuses = new Dictionary<string, ServiceStatus> { ["workload"] = ServiceStatus.Active },
    };

    [Fact]
    public void Without_Pebble_the_unit_waits_and_opens_nothing()
    {
        var state = new CharmState { Containers = [new ContainerState("workload") { CanConnect = false }] };

        var output = ctx.Run(ctx.On.ConfigChanged(), state);

        Assert.Equal(Status.Waiting("waiting for Pebble in the workload container"), output.UnitStatus);
        Assert.Empty(output.OpenedPorts);
    }

    [Fact]
    public void An_out_of_range_port_blocks_and_leaves_the_running_workload_as_it_was()
    {
        var state = new CharmState { Config = new Dictionary<string, object> { ["port"] = 80 }, Containers = [Serving(8080)] };

        var output = ctx.Run(ctx.On.ConfigChanged(), state);

        Assert.Equal(Status.Blocked("port 80 is out of range; run: juju config charmling port=<1024-65535>"), output.UnitStatus);
        Assert.Equal(state.GetContainer("workload"), output.GetContainer("workload"));
        Assert.Empty(ctx.LastEvent.ServiceChanges);
    }

    [Fact]
    public void A_unit_already_serving_its_port_keeps_its_layers_and_reports_active()
    {
        var state = new CharmState { Containers = [Serving(8080)] };

        var output = ctx.Run(ctx.On.UpdateStatus(), state);

        Assert.Equal(Status.Active("serving HTTP on port 8080"), output.UnitStatus);
        Assert.Equal(state.GetContainer("workload").Layers, output.GetContainer("workload").Layers);
    }
}
