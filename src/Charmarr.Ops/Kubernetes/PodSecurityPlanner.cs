using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>Plans the pod security context changes of a <see cref="StatefulSetSpec"/>: <c>fsGroup</c> and <c>supplementalGroups</c>.</summary>
internal static class PodSecurityPlanner
{
    private const string SecurityPath = PodTemplateView.PodSpecPath + "/securityContext";

    /// <summary>Adds the pod security context changes to the plan.</summary>
    /// <param name="context">The plan being built.</param>
    public static void Plan(PlanContext context)
    {
        var security = context.View.PodSpec["securityContext"] as JsonObject;
        PlanFsGroup(context, security?["fsGroup"]);
        PlanSupplementalGroups(context, security?["supplementalGroups"]);
    }

    private static void PlanFsGroup(PlanContext context, JsonNode? current)
    {
        var desired = context.Spec.PodFsGroup;
        if (desired.HasValue)
        {
            var wanted = JsonValue.Create(desired.Value);
            if (!JsonEquivalence.Equivalent(current, wanted))
            {
                context.Additions.PodSecurity("fsGroup", wanted, $"pod securityContext.fsGroup: {desired.Value} (was {StatefulSetPlanner.Show(current)})");
            }
        }
        else if (desired.IsAbsent && current is not null)
        {
            context.Removals.RemoveField(SecurityPath + "/fsGroup", current, $"pod securityContext.fsGroup: removed (was {StatefulSetPlanner.Show(current)})");
        }
    }

    private static void PlanSupplementalGroups(PlanContext context, JsonNode? current)
    {
        var spec = context.Spec;
        if (spec.SupplementalGroups.Count == 0 && spec.AbsentSupplementalGroups.Count == 0)
        {
            return;
        }

        List<(JsonNode? Node, long? Group)> before = current is JsonArray array ? array.Select(node => (node, Group(node))).ToList() : [];
        List<(JsonNode? Node, long? Group)> after = before.Where(e => e.Group is not { } group || !spec.AbsentSupplementalGroups.Contains(group))
            .Concat(spec.SupplementalGroups.Where(g => !before.Any(e => e.Group == g)).Select(g => ((JsonNode?)JsonValue.Create(g), (long?)g)))
            .ToList();
        if (after.Count == before.Count && after.Zip(before).All(pair => ReferenceEquals(pair.First.Node, pair.Second.Node)))
        {
            return; // every group kept, none added
        }

        if (after.Count == 0)
        {
            context.Removals.RemoveField(
                SecurityPath + "/supplementalGroups", current!, $"pod securityContext.supplementalGroups: removed (was {StatefulSetPlanner.Show(current)})");
            return;
        }

        // supplementalGroups is an atomic list: a strategic merge patch replaces it whole.
        var list = new JsonArray(after.Select(e => e.Node?.DeepClone()).ToArray());
        context.Additions.PodSecurity(
            "supplementalGroups", list, $"pod securityContext.supplementalGroups: {StatefulSetPlanner.Show(list)} (was {StatefulSetPlanner.Show(current)})");
    }

    private static long? Group(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var group) ? group : null;
}
