namespace Charmarr.Ops.Kubernetes;

/// <summary>The kinds of PATCH the Kubernetes API accepts for a StatefulSet, each with its own content type.</summary>
public enum StatefulSetPatchKind
{
    /// <summary>A strategic merge patch (<c>application/strategic-merge-patch+json</c>): lists merge by their keys.</summary>
    StrategicMerge,

    /// <summary>An RFC 6902 JSON patch (<c>application/json-patch+json</c>): a list of operations, all or nothing.</summary>
    Json,

    /// <summary>An RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>): lists are replaced whole.</summary>
    Merge,
}
