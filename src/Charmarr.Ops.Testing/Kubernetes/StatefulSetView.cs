using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Kubernetes;

/// <summary>
/// A StatefulSet as the simulated Kubernetes API holds it, read through typed members (volumes, containers and their
/// mounts and security contexts, the pod's security context); <see cref="Document"/> is the whole object for anything
/// else. Equal to another view of the same JSON.
/// </summary>
/// <param name="Document">The object, as JSON.</param>
public sealed record StatefulSetView(JsonObject Document)
{
    private JsonObject? PodSpec => Document["spec"]?["template"]?["spec"] as JsonObject;

    /// <summary>The StatefulSet's name.</summary>
    public string Name => (string?)Document["metadata"]?["name"] ?? "";

    /// <summary>Its namespace.</summary>
    public string Namespace => (string?)Document["metadata"]?["namespace"] ?? "";

    /// <summary>The desired number of pods.</summary>
    public int? Replicas => (int?)Document["spec"]?["replicas"];

    /// <summary>The pod's service account.</summary>
    public string? ServiceAccountName => (string?)PodSpec?["serviceAccountName"];

    /// <summary>The pod-level security context (empty when none is set).</summary>
    public SecurityContextView PodSecurityContext => SecurityContextView.From(PodSpec?["securityContext"]);

    /// <summary>The pod's <c>fsGroup</c>, the group Kubernetes gives mounted volumes.</summary>
    public int? FsGroup => PodSecurityContext.FsGroup;

    /// <summary>The pod's volumes, in order.</summary>
    public IReadOnlyList<VolumeView> Volumes => Items(PodSpec?["volumes"]).Select(VolumeView.From).ToList();

    /// <summary>The pod's containers (the charm's and the workloads'), in order.</summary>
    public IReadOnlyList<ContainerView> Containers => Items(PodSpec?["containers"]).Select(ContainerView.From).ToList();

    /// <summary>The pod's init containers, in order.</summary>
    public IReadOnlyList<ContainerView> InitContainers => Items(PodSpec?["initContainers"]).Select(ContainerView.From).ToList();

    /// <summary>The volume with this name, or <see langword="null"/> when the pod has none.</summary>
    /// <param name="name">The volume name.</param>
    /// <returns>The volume.</returns>
    public VolumeView? Volume(string name) => Volumes.SingleOrDefault(v => v.Name == name);

    /// <summary>The container with this name.</summary>
    /// <param name="name">The container name.</param>
    /// <returns>The container.</returns>
    /// <exception cref="KeyNotFoundException">The pod has no such container; the message lists those it has.</exception>
    public ContainerView Container(string name)
    {
        var containers = Containers;
        return containers.SingleOrDefault(c => c.Name == name)
            ?? throw new KeyNotFoundException($"the StatefulSet has no container \"{name}\" (containers: {string.Join(", ", containers.Select(c => c.Name))})");
    }

    /// <inheritdoc />
    public bool Equals(StatefulSetView? other) => other is not null && JsonNode.DeepEquals(Document, other.Document);

    /// <inheritdoc />
    public override int GetHashCode() => Document.ToJsonString().GetHashCode(StringComparison.Ordinal);

    internal static IEnumerable<JsonObject> Items(JsonNode? array) =>
        array is JsonArray items ? items.OfType<JsonObject>() : [];
}

/// <summary>A pod volume: its name and where it comes from (one of the sources is set).</summary>
/// <param name="Name">The volume name.</param>
/// <param name="ClaimName">The PersistentVolumeClaim it mounts, for a <c>persistentVolumeClaim</c> volume.</param>
/// <param name="HostPath">The node path, for a <c>hostPath</c> volume.</param>
/// <param name="HostPathType">The <c>hostPath</c> type, e.g. <c>Directory</c>.</param>
/// <param name="IsEmptyDir">Whether it is an <c>emptyDir</c>.</param>
/// <param name="ConfigMapName">The ConfigMap, for a <c>configMap</c> volume.</param>
/// <param name="SecretName">The Secret, for a <c>secret</c> volume.</param>
public sealed record VolumeView(string Name, string? ClaimName, string? HostPath, string? HostPathType, bool IsEmptyDir, string? ConfigMapName, string? SecretName)
{
    internal static VolumeView From(JsonObject volume) => new(
        (string?)volume["name"] ?? "",
        (string?)volume["persistentVolumeClaim"]?["claimName"],
        (string?)volume["hostPath"]?["path"],
        (string?)volume["hostPath"]?["type"],
        volume["emptyDir"] is not null,
        (string?)volume["configMap"]?["name"],
        (string?)volume["secret"]?["secretName"]);
}

/// <summary>A container of the pod template.</summary>
/// <param name="Name">The container name.</param>
/// <param name="Image">The image.</param>
/// <param name="Mounts">Its volume mounts, in order.</param>
/// <param name="SecurityContext">Its security context (empty when none is set).</param>
/// <param name="Environment">Its literal environment variables (<c>env</c> entries with a <c>value</c>).</param>
public sealed record ContainerView(
    string Name,
    string? Image,
    IReadOnlyList<VolumeMountView> Mounts,
    SecurityContextView SecurityContext,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Whether the container runs privileged (<c>securityContext.privileged: true</c>).</summary>
    public bool IsPrivileged => SecurityContext.Privileged == true;

    /// <summary>The (first) mount of this volume, or <see langword="null"/> when the container does not mount it.</summary>
    /// <param name="volume">The volume name.</param>
    /// <returns>The mount.</returns>
    public VolumeMountView? Mount(string volume) => Mounts.FirstOrDefault(m => m.Name == volume);

    /// <summary>The mount at this path, or <see langword="null"/> when nothing is mounted there.</summary>
    /// <param name="mountPath">The path in the container.</param>
    /// <returns>The mount.</returns>
    public VolumeMountView? MountAt(string mountPath) => Mounts.SingleOrDefault(m => m.MountPath == mountPath);

    internal static ContainerView From(JsonObject container) => new(
        (string?)container["name"] ?? "",
        (string?)container["image"],
        StatefulSetView.Items(container["volumeMounts"]).Select(m => new VolumeMountView(
            (string?)m["name"] ?? "", (string?)m["mountPath"] ?? "", (bool?)m["readOnly"] ?? false, (string?)m["subPath"])).ToList(),
        SecurityContextView.From(container["securityContext"]),
        StatefulSetView.Items(container["env"])
            .Where(e => e["value"] is not null)
            .ToDictionary(e => (string?)e["name"] ?? "", e => (string?)e["value"] ?? "", StringComparer.Ordinal));
}

/// <summary>A volume mount of a container.</summary>
/// <param name="Name">The volume's name.</param>
/// <param name="MountPath">Where it is mounted.</param>
/// <param name="ReadOnly">Whether it is read-only.</param>
/// <param name="SubPath">The sub-path mounted, if any.</param>
public sealed record VolumeMountView(string Name, string MountPath, bool ReadOnly, string? SubPath);

/// <summary>A pod's or a container's security context; unset fields are <see langword="null"/>.</summary>
/// <param name="RunAsUser">The user id processes run as.</param>
/// <param name="RunAsGroup">The group id processes run as.</param>
/// <param name="RunAsNonRoot">Whether the kubelet refuses to run as root.</param>
/// <param name="FsGroup">The group of mounted volumes (pod level only).</param>
/// <param name="Privileged">Whether the container is privileged (container level only).</param>
public sealed record SecurityContextView(int? RunAsUser, int? RunAsGroup, bool? RunAsNonRoot, int? FsGroup, bool? Privileged)
{
    internal static SecurityContextView From(JsonNode? context) => new(
        (int?)context?["runAsUser"],
        (int?)context?["runAsGroup"],
        (bool?)context?["runAsNonRoot"],
        (int?)context?["fsGroup"],
        (bool?)context?["privileged"]);
}
