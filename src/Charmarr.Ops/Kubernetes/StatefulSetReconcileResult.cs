namespace Charmarr.Ops.Kubernetes;

/// <summary>What a reconcile did to the StatefulSet.</summary>
/// <param name="Changes">Each change made, in words (e.g. <c>volume dev-dri: added (hostPath /dev/dri (Directory))</c>); empty when the StatefulSet already was in the desired state.</param>
public sealed record StatefulSetReconcileResult(IReadOnlyList<string> Changes)
{
    /// <summary>Whether anything was changed. A change to the pod template rolls the pod: the charm may want to wait for it.</summary>
    public bool Changed => Changes.Count > 0;

    /// <summary>Whether the StatefulSet was not read at all, because this unit confirmed the same spec in an earlier
    /// dispatch (<see cref="StatefulSetReconciler.ReconcileIfChangedAsync"/>).</summary>
    public bool Skipped { get; private init; }

    /// <summary>The result of a reconcile skipped as confirmed.</summary>
    internal static StatefulSetReconcileResult Confirmed { get; } = new([]) { Skipped = true };
}
