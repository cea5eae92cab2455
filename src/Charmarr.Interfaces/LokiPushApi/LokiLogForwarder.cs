using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Interfaces.Observability;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Microsoft.Extensions.Logging;

namespace Charmarr.Interfaces.LokiPushApi;

/// <summary>
/// The requiring side of <c>loki_push_api</c> as the loki_push_api library's <c>LogForwarder</c> (v1) uses it: reads each
/// Loki unit's <c>endpoint</c> (<c>{"url": "http://…/loki/api/v1/push"}</c>) and has Pebble forward every service's logs
/// there, one log target per Loki unit in a layer <c>&lt;container&gt;-log-forwarding</c> of each workload container,
/// labelled with the Juju topology. A Loki unit that left keeps its target, disabled (<c>services: [-all]</c>), as the
/// library does. The leader also writes the library's <c>metadata</c> and (empty) <c>alert_rules</c>. It acts on the
/// endpoint's relation events and on each container's pebble-ready; unrelated, it makes no Pebble call.
/// </summary>
public sealed class LokiLogForwarder : RelationInterface
{
    /// <summary>The unit-databag key each Loki unit writes.</summary>
    public const string EndpointKey = "endpoint";

    /// <summary>Creates the forwarder.</summary>
    /// <param name="parent">The charm or component that owns it.</param>
    /// <param name="endpoint">The endpoint, as declared in the charm's metadata.</param>
    public LokiLogForwarder(CharmObject parent, string endpoint = "logging")
        : base(parent, endpoint, raisesChanged: false)
    {
        Observe<RelationJoinedEvent>(endpoint, OnRelationEventAsync);
        Observe<RelationChangedEvent>(endpoint, OnRelationEventAsync);
        Observe<RelationDepartedEvent>(endpoint, OnRelationEventAsync);
        Observe<RelationBrokenEvent>(endpoint, OnRelationEventAsync);
        Observe<PebbleReadyEvent>(OnPebbleReadyAsync);
    }

    /// <summary>The push URL of every Loki unit, by unit name; a relation where a unit has not published a valid endpoint yet counts for nothing (as the library's <c>is_ready</c>).</summary>
    /// <returns>The URLs.</returns>
    public IReadOnlyDictionary<string, string> Endpoints()
    {
        var endpoints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var relation in Relations)
        {
            var urls = RelationEndpoints(relation);
            if (urls is null)
            {
                Logger.LogWarning("The relation '{Relation}' is not ready yet", relation);
                continue;
            }

            foreach (var (unit, url) in urls)
            {
                endpoints[unit] = url;
            }
        }

        return endpoints;
    }

    /// <summary>Makes the container's log targets match <see cref="Endpoints"/>: one enabled per Loki unit, the rest disabled.</summary>
    /// <param name="container">A workload container whose Pebble answers.</param>
    /// <returns>A task that completes when Pebble has the layer.</returns>
    public async Task ForwardAsync(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var active = Endpoints();
        var plan = await container.GetPlanAsync().ConfigureAwait(false);
        var layer = Layer(JujuTopology.FromModel(Model), active, plan.LogTargets);
        if (layer.LogTargets.Count > 0)
        {
            await container.AddLayerAsync($"{container.Name}-log-forwarding", layer, combine: true).ConfigureAwait(false);
        }
    }

    /// <summary>The layer: disabled targets for the plan's enabled targets no Loki unit stands behind any more, then one enabled target per Loki unit.</summary>
    internal static PebbleLayer Layer(JujuTopology topology, IReadOnlyDictionary<string, string> active, IReadOnlyDictionary<string, PebbleLogTarget> current)
    {
        var targets = new Dictionary<string, PebbleLogTarget>(StringComparer.Ordinal);
        foreach (var (name, target) in current)
        {
            if (!active.ContainsKey(name) && !(target.Services ?? []).Contains("-all"))
            {
                targets[name] = new PebbleLogTarget { Override = PebbleOverride.Replace, Services = ["-all"], Type = "loki", Location = "(removed)" };
            }
        }

        foreach (var (unit, url) in active)
        {
            targets[unit] = new PebbleLogTarget
            {
                Override = PebbleOverride.Replace,
                Services = ["all"],
                Type = "loki",
                Location = url,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["product"] = "Juju",
                    ["charm"] = topology.CharmName,
                    ["juju_model"] = topology.Model,
                    ["juju_model_uuid"] = topology.ModelUuid,
                    ["juju_application"] = topology.Application,
                    ["juju_unit"] = topology.Unit,
                    ["job"] = $"juju_{topology.Identifier}",
                },
            };
        }

        return new PebbleLayer { LogTargets = targets };
    }

    /// <summary>The application data the library's leader writes: <c>metadata</c> (the topology) and <c>alert_rules</c> (none: <c>{}</c>).</summary>
    internal static Dictionary<string, string?> AppData(JujuTopology topology)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in topology.AsDict())
        {
            metadata[key] = value;
        }

        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["metadata"] = PythonJson.Dumps(metadata),
            ["alert_rules"] = "{}",
        };
    }

    // Every unit's URL, or null when one of them has not published a usable endpoint.
    private static Dictionary<string, string>? RelationEndpoints(Relation relation)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in relation.Units)
        {
            if (relation.UnitData(unit).Get(EndpointKey) is not { } json || Url(json) is not { } url)
            {
                return null;
            }

            urls[unit.Name] = url;
        }

        return urls.Count > 0 ? urls : null;
    }

    private static string? Url(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["url"] is JsonValue v && v.TryGetValue<string>(out var url)
                && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task OnRelationEventAsync(RelationEvent e)
    {
        if (Model.Unit.IsLeader && e is not RelationBrokenEvent)
        {
            e.Relation.LocalAppData.Update(AppData(JujuTopology.FromModel(Model)));
        }

        foreach (var container in Model.Unit.Containers)
        {
            // A container that is not up yet gets its targets on its pebble-ready.
            if (await container.CanConnectAsync().ConfigureAwait(false))
            {
                await ForwardAsync(container).ConfigureAwait(false);
            }
        }
    }

    private async Task OnPebbleReadyAsync(PebbleReadyEvent e)
    {
        if (Relations.Count > 0 && Endpoints().Count > 0)
        {
            await ForwardAsync(e.Workload).ConfigureAwait(false);
        }
    }
}
