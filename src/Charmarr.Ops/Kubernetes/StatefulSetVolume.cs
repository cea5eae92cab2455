using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// One volume entry of a <see cref="StatefulSetSpec"/>: a volume that must be in the pod and mounted in the
/// spec's container (<see cref="Pvc"/>, <see cref="HostPath"/>), or one that must be gone (<see cref="Absent"/>).
/// </summary>
public abstract record StatefulSetVolume
{
    private protected StatefulSetVolume(string name)
    {
        Name = name;
    }

    /// <summary>The volume's name in the pod template (a DNS label, e.g. <c>charmarr-shared-data</c>).</summary>
    public string Name { get; }

    /// <summary>A PersistentVolumeClaim mounted in the container.</summary>
    /// <param name="name">The volume's name in the pod template.</param>
    /// <param name="claimName">The PersistentVolumeClaim to mount.</param>
    /// <param name="mountPath">Where the container sees it.</param>
    /// <returns>The entry.</returns>
    public static PvcVolume Pvc(string name, string claimName, string mountPath) => new(name, claimName, mountPath);

    /// <summary>A path of the node (e.g. a device directory such as <c>/dev/dri</c>) mounted in the container.</summary>
    /// <param name="name">The volume's name in the pod template.</param>
    /// <param name="path">The path on the node.</param>
    /// <param name="mountPath">Where the container sees it.</param>
    /// <param name="type">What must exist at <paramref name="path"/> for the pod to start.</param>
    /// <returns>The entry.</returns>
    public static HostPathVolume HostPath(string name, string path, string mountPath, HostPathType type) => new(name, path, mountPath, type);

    /// <summary>The volume must not be in the pod, nor mounted in the container; an absent volume is left alone.</summary>
    /// <param name="name">The volume's name in the pod template.</param>
    /// <returns>The entry.</returns>
    public static AbsentVolume Absent(string name) => new(name);
}

/// <summary>A volume that must exist, mounted at <see cref="MountPath"/> in the spec's container.</summary>
public abstract record MountedVolume : StatefulSetVolume
{
    private protected MountedVolume(string name, string mountPath)
        : base(name)
    {
        MountPath = mountPath;
    }

    /// <summary>Where the container sees the volume (an absolute path).</summary>
    public string MountPath { get; }

    /// <summary>Whether the container may only read the volume.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>A path inside the volume to mount instead of its root, or <see langword="null"/> for the root.</summary>
    public string? SubPath { get; init; }

    /// <summary>The key of the volume source in the pod template, e.g. <c>hostPath</c>.</summary>
    internal abstract string SourceKey { get; }

    /// <summary>The volume as the pod template's <c>volumes</c> list holds it.</summary>
    /// <returns>A new JSON object.</returns>
    internal JsonObject ToVolumeJson() => new() { ["name"] = Name, [SourceKey] = SourceJson() };

    /// <summary>The mount as the container's <c>volumeMounts</c> list holds it.</summary>
    /// <returns>A new JSON object.</returns>
    internal JsonObject ToMountJson()
    {
        var mount = new JsonObject { ["name"] = Name, ["mountPath"] = MountPath };
        if (ReadOnly)
        {
            mount["readOnly"] = true;
        }

        if (!string.IsNullOrEmpty(SubPath))
        {
            mount["subPath"] = SubPath;
        }

        return mount;
    }

    /// <summary>A short description of the source for change lists, e.g. <c>hostPath /dev/dri (Directory)</c>.</summary>
    /// <returns>The description.</returns>
    internal abstract string DescribeSource();

    /// <summary>The volume source object.</summary>
    /// <returns>A new JSON object.</returns>
    private protected abstract JsonObject SourceJson();
}

/// <summary>A PersistentVolumeClaim mounted in the container. Create one with <see cref="StatefulSetVolume.Pvc"/>.</summary>
public sealed record PvcVolume : MountedVolume
{
    internal PvcVolume(string name, string claimName, string mountPath)
        : base(name, mountPath)
    {
        ClaimName = claimName;
    }

    /// <summary>The PersistentVolumeClaim's name.</summary>
    public string ClaimName { get; }

    /// <inheritdoc />
    internal override string SourceKey => "persistentVolumeClaim";

    /// <inheritdoc />
    internal override string DescribeSource() => $"persistentVolumeClaim {ClaimName}";

    /// <inheritdoc />
    private protected override JsonObject SourceJson() => new() { ["claimName"] = ClaimName };
}

/// <summary>A path of the node mounted in the container. Create one with <see cref="StatefulSetVolume.HostPath"/>.</summary>
public sealed record HostPathVolume : MountedVolume
{
    internal HostPathVolume(string name, string path, string mountPath, HostPathType type)
        : base(name, mountPath)
    {
        Path = path;
        Type = type;
    }

    /// <summary>The path on the node.</summary>
    public string Path { get; }

    /// <summary>What must exist at <see cref="Path"/>.</summary>
    public HostPathType Type { get; }

    /// <inheritdoc />
    internal override string SourceKey => "hostPath";

    /// <inheritdoc />
    internal override string DescribeSource() => Type == HostPathType.Unset ? $"hostPath {Path}" : $"hostPath {Path} ({Type})";

    /// <inheritdoc />
    private protected override JsonObject SourceJson()
    {
        var source = new JsonObject { ["path"] = Path };
        if (Type != HostPathType.Unset)
        {
            source["type"] = Type.ToString();
        }

        return source;
    }
}

/// <summary>A volume that must not be there. Create one with <see cref="StatefulSetVolume.Absent"/>.</summary>
public sealed record AbsentVolume : StatefulSetVolume
{
    internal AbsentVolume(string name)
        : base(name)
    {
    }
}
