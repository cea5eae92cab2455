using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>Plans the container changes of a <see cref="StatefulSetSpec"/>: <c>securityContext.privileged</c> and <c>resources.limits</c>.</summary>
internal static class ContainerPlanner
{
    /// <summary>Adds the container changes to the plan.</summary>
    /// <param name="context">The plan being built.</param>
    public static void Plan(PlanContext context)
    {
        PlanPrivileged(context);
        PlanLimits(context);
    }

    private static void PlanPrivileged(PlanContext context)
    {
        var view = context.View;
        var current = view.Container["securityContext"]?["privileged"];
        var isPrivileged = current is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
        if (context.Spec.Privileged == true && !isPrivileged)
        {
            context.Additions.ContainerSecurity("privileged", JsonValue.Create(true), $"container {view.ContainerName}: securityContext.privileged: true");
        }
        else if (context.Spec.Privileged == false && isPrivileged)
        {
            context.Removals.RemoveField(
                view.ContainerPath + "/securityContext/privileged", current!, $"container {view.ContainerName}: securityContext.privileged: removed (was true)");
        }
    }

    /// <summary>A quantity as text: the API server sends strings, but a number is read as the same quantity.</summary>
    private static string? QuantityText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static void PlanLimits(PlanContext context)
    {
        var view = context.View;
        var limits = view.Container["resources"]?["limits"] as JsonObject;
        foreach (var (resource, quantity) in context.Spec.ResourceLimits)
        {
            var current = limits?[resource];
            if (!(QuantityText(current) is { } text && Quantity.Same(text, quantity)))
            {
                context.Additions.Limit(
                    resource, quantity, $"container {view.ContainerName}: resources.limits[{resource}]: {quantity} (was {StatefulSetPlanner.Show(current)})");
            }
        }

        foreach (var resource in context.Spec.AbsentResourceLimits)
        {
            if (limits?[resource] is { } current)
            {
                context.Removals.RemoveField(
                    $"{view.ContainerPath}/resources/limits/{JsonPointer.Escape(resource)}",
                    current,
                    $"container {view.ContainerName}: resources.limits[{resource}]: removed (was {StatefulSetPlanner.Show(current)})");
            }
        }
    }
}
