using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// What one reconcile will send: a JSON patch of removals (first, while the indexes it was computed from still hold),
/// then a strategic merge patch of additions and updates; either is <see langword="null"/> when it has nothing to do.
/// </summary>
/// <param name="Removals">The JSON patch operations, or <see langword="null"/>.</param>
/// <param name="RemovalChanges">What the removals change, in words.</param>
/// <param name="Additions">The strategic merge patch, or <see langword="null"/>.</param>
/// <param name="AdditionChanges">What the additions change, in words.</param>
internal sealed record StatefulSetPlan(
    JsonArray? Removals, IReadOnlyList<string> RemovalChanges, JsonObject? Additions, IReadOnlyList<string> AdditionChanges)
{
    /// <summary>Whether the StatefulSet already is in the desired state.</summary>
    public bool IsEmpty => Removals is null && Additions is null;
}

/// <summary>The inputs and outputs one planning step works with.</summary>
/// <param name="View">The StatefulSet as read.</param>
/// <param name="Spec">The desired state.</param>
/// <param name="Removals">Where removals go.</param>
/// <param name="Additions">Where additions and updates go.</param>
internal sealed record PlanContext(PodTemplateView View, StatefulSetSpec Spec, RemovalPatchBuilder Removals, StrategicPatchBuilder Additions);
