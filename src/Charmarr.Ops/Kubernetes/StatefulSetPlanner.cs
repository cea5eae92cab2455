using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>Compares a StatefulSet with a <see cref="StatefulSetSpec"/> and plans the patches that close the gap; a pure function of the two.</summary>
internal static class StatefulSetPlanner
{
    /// <summary>Plans the patches.</summary>
    /// <param name="statefulSet">The StatefulSet as read.</param>
    /// <param name="spec">The desired state (already validated).</param>
    /// <returns>The plan; empty when the StatefulSet is already in the desired state.</returns>
    /// <exception cref="InvalidOperationException">The StatefulSet has no container named as the spec says.</exception>
    public static StatefulSetPlan Plan(JsonObject statefulSet, StatefulSetSpec spec)
    {
        var view = new PodTemplateView(statefulSet, spec.ContainerName);
        var context = new PlanContext(view, spec, new RemovalPatchBuilder(view), new StrategicPatchBuilder(spec.ContainerName));
        VolumePlanner.Plan(context);
        PodSecurityPlanner.Plan(context);
        ContainerPlanner.Plan(context);
        return new StatefulSetPlan(context.Removals.Build(), context.Removals.Changes, context.Additions.Build(), context.Additions.Changes);
    }

    /// <summary>A JSON value as shown in a change, e.g. <c>1000</c>, <c>[44, 109]</c>, or <c>unset</c>.</summary>
    /// <param name="node">The value.</param>
    /// <returns>The text.</returns>
    internal static string Show(JsonNode? node) => node switch
    {
        null => "unset",
        JsonArray array => $"[{string.Join(", ", array.Select(Show))}]",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
