namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// The strategic-merge metadata of the apps/v1 StatefulSet schema (its Go types' <c>patchStrategy</c> and
/// <c>patchMergeKey</c> tags), keyed by field name. Within a StatefulSet each of these names means one field, so the
/// name alone finds its strategy. Lists not named here are replaced whole by a patch.
/// </summary>
internal static class StrategicMergeSchema
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["env"] = "name",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["schedulingGates"] = "name",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
    };

    private static readonly HashSet<string> MergedPrimitiveLists = new(StringComparer.Ordinal) { "finalizers" };

    /// <summary>How a list field merges.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="mergeKey">The member that identifies an element, for lists of objects that merge; <see langword="null"/> for primitive lists that merge as sets.</param>
    /// <returns>Whether the list merges (otherwise a patch replaces it).</returns>
    public static bool TryGetListStrategy(string field, out string? mergeKey)
    {
        if (MergeKeys.TryGetValue(field, out var key))
        {
            mergeKey = key;
            return true;
        }

        mergeKey = null;
        return MergedPrimitiveLists.Contains(field);
    }
}
