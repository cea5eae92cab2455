namespace Charmarr.Ops.Kubernetes;

/// <summary>The content type of each <see cref="StatefulSetPatchKind"/>, both ways (the simulator reads them back).</summary>
internal static class PatchContentTypes
{
    /// <summary><c>application/strategic-merge-patch+json</c>.</summary>
    public const string StrategicMerge = "application/strategic-merge-patch+json";

    /// <summary><c>application/json-patch+json</c>.</summary>
    public const string Json = "application/json-patch+json";

    /// <summary><c>application/merge-patch+json</c>.</summary>
    public const string Merge = "application/merge-patch+json";

    /// <summary>The media type of a kind of patch.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The media type.</returns>
    public static string For(StatefulSetPatchKind kind) => kind switch
    {
        StatefulSetPatchKind.StrategicMerge => StrategicMerge,
        StatefulSetPatchKind.Json => Json,
        StatefulSetPatchKind.Merge => Merge,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown patch kind."),
    };

    /// <summary>The kind of patch a <c>Content-Type</c> header names (parameters such as <c>charset</c> are ignored).</summary>
    /// <param name="contentType">The header's value.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the media type is one of the three.</returns>
    public static bool TryParse(string? contentType, out StatefulSetPatchKind kind)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        (var known, kind) = mediaType?.ToLowerInvariant() switch
        {
            StrategicMerge => (true, StatefulSetPatchKind.StrategicMerge),
            Json => (true, StatefulSetPatchKind.Json),
            Merge => (true, StatefulSetPatchKind.Merge),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The API path of a StatefulSet.</summary>
    /// <param name="namespaceName">Its namespace.</param>
    /// <param name="name">Its name.</param>
    /// <returns>E.g. <c>/apis/apps/v1/namespaces/media/statefulsets/plex</c>.</returns>
    public static string StatefulSetPath(string namespaceName, string name) =>
        $"/apis/apps/v1/namespaces/{Uri.EscapeDataString(namespaceName)}/statefulsets/{Uri.EscapeDataString(name)}";
}
