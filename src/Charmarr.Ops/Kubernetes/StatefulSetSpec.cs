namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// The desired state of the parts of the charm's StatefulSet that a charm owns, for one of its containers. Every
/// setting left empty or unspecified leaves that part as it is; "absent" entries remove what is there and are
/// no-ops when it is already gone.
/// </summary>
/// <example>
/// <code>
/// var spec = new StatefulSetSpec("plex")
/// {
///     Volumes = { StatefulSetVolume.Pvc("charmarr-shared-data", claimName, "/data") },
///     PodFsGroup = pgid,
/// };
/// if (hardwareTranscoding)
/// {
///     spec.Volumes.Add(StatefulSetVolume.HostPath("dev-dri", "/dev/dri", "/dev/dri", HostPathType.Directory));
///     spec.Privileged = true;
/// }
/// else
/// {
///     spec.Volumes.Add(StatefulSetVolume.Absent("dev-dri"));
///     spec.Privileged = false;
/// }
/// var result = await statefulSet.ReconcileAsync(spec, cancellationToken);
/// </code>
/// </example>
public sealed class StatefulSetSpec
{
    /// <summary>Creates an empty spec for a container.</summary>
    /// <param name="containerName">The container the mounts, security context and limits apply to: the charmcraft.yaml
    /// container's name (e.g. <c>plex</c>), not the application's.</param>
    public StatefulSetSpec(string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        ContainerName = containerName;
    }

    /// <summary>The container the mounts, security context and limits apply to.</summary>
    public string ContainerName { get; }

    /// <summary>
    /// Volumes that must be in the pod and mounted in the container, and volumes that must be gone. A mounted entry owns
    /// its volume's mounts in the container: a mount of the same volume at another path is removed. A removed volume
    /// stays in the pod while another container still mounts it.
    /// </summary>
    public IList<StatefulSetVolume> Volumes { get; } = new List<StatefulSetVolume>();

    /// <summary>The pod's <c>securityContext.fsGroup</c>: the group that owns the pod's volumes. Pod-wide: it applies to every volume.</summary>
    public Desired<long> PodFsGroup { get; set; }

    /// <summary>Groups that must be in the pod's <c>securityContext.supplementalGroups</c> (e.g. the node's <c>render</c> group).</summary>
    public ISet<long> SupplementalGroups { get; } = new SortedSet<long>();

    /// <summary>Groups that must not be in the pod's <c>securityContext.supplementalGroups</c>.</summary>
    public ISet<long> AbsentSupplementalGroups { get; } = new SortedSet<long>();

    /// <summary>
    /// The container's <c>securityContext.privileged</c>: <see langword="true"/> to run it privileged, <see langword="false"/>
    /// to make sure it is not (the field is removed), <see langword="null"/> to leave it as it is.
    /// </summary>
    public bool? Privileged { get; set; }

    /// <summary>Limits the container's <c>resources.limits</c> must have, as Kubernetes quantities (e.g. <c>["gpu.intel.com/i915"] = "1"</c>).</summary>
    public IDictionary<string, string> ResourceLimits { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Resources that must not be in the container's <c>resources.limits</c>.</summary>
    public ISet<string> AbsentResourceLimits { get; } = new SortedSet<string>(StringComparer.Ordinal);
}
