using System.Text.RegularExpressions;

namespace Charmarr.Ops.Kubernetes;

/// <summary>Checks a <see cref="StatefulSetSpec"/> before anything is sent, so a charm's mistake fails with a clear message rather than a 422.</summary>
internal static partial class StatefulSetSpecValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> for the first problem found in <paramref name="spec"/>.</summary>
    /// <param name="spec">The spec.</param>
    public static void Validate(StatefulSetSpec spec)
    {
        CheckLabel(spec.ContainerName, "container name");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in spec.Volumes)
        {
            ArgumentNullException.ThrowIfNull(volume, nameof(spec));
            CheckLabel(volume.Name, "volume name");
            Check(names.Add(volume.Name), $"volume {volume.Name} is listed twice");
            if (volume is MountedVolume mounted)
            {
                CheckAbsolute(mounted.MountPath, $"mount path of volume {volume.Name}");
                Check(mountPaths.Add(mounted.MountPath), $"mount path {mounted.MountPath} is used twice");
                Check(mounted.SubPath is null || !mounted.SubPath.StartsWith('/'), $"sub-path of volume {volume.Name} must be relative");
            }

            switch (volume)
            {
                case PvcVolume pvc:
                    Check(SubdomainPattern().IsMatch(pvc.ClaimName), $"claim name \"{pvc.ClaimName}\" of volume {volume.Name} is not a valid Kubernetes name");
                    break;
                case HostPathVolume hostPath:
                    CheckAbsolute(hostPath.Path, $"host path of volume {volume.Name}");
                    Check(Enum.IsDefined(hostPath.Type), $"host path type of volume {volume.Name} is not a known type");
                    break;
            }
        }

        Check(!spec.PodFsGroup.HasValue || spec.PodFsGroup.Value is >= 0 and <= int.MaxValue, $"fsGroup {spec.PodFsGroup} is out of range");
        foreach (var group in spec.SupplementalGroups.Concat(spec.AbsentSupplementalGroups))
        {
            Check(group is >= 0 and <= int.MaxValue, $"supplemental group {group} is out of range");
        }

        var bothGroups = spec.SupplementalGroups.Intersect(spec.AbsentSupplementalGroups).ToList();
        Check(bothGroups.Count == 0, $"supplemental group {string.Join(", ", bothGroups)} is both wanted and absent");

        foreach (var (resource, quantity) in spec.ResourceLimits)
        {
            CheckResource(resource);
            Check(Quantity.TryParse(quantity, out _), $"limit \"{quantity}\" of {resource} is not a Kubernetes quantity");
        }

        foreach (var resource in spec.AbsentResourceLimits)
        {
            CheckResource(resource);
            Check(!spec.ResourceLimits.ContainsKey(resource), $"limit of {resource} is both wanted and absent");
        }
    }

    private static void CheckLabel(string? value, string what) =>
        Check(value is not null && value.Length <= 63 && LabelPattern().IsMatch(value), $"{what} \"{value}\" is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63)");

    private static void CheckAbsolute(string? path, string what) =>
        Check(!string.IsNullOrEmpty(path) && path.StartsWith('/'), $"{what} \"{path}\" must be an absolute path");

    private static void CheckResource(string? resource) =>
        Check(!string.IsNullOrEmpty(resource) && !resource.Any(char.IsWhiteSpace), $"resource name \"{resource}\" is not valid");

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid StatefulSet spec: {problem}.");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex SubdomainPattern();
}
