using System.Text.Json.Nodes;

namespace Charmarr.Ops.Kubernetes;

/// <summary>Plans the volume and mount changes of a <see cref="StatefulSetSpec"/>.</summary>
internal static class VolumePlanner
{
    /// <summary>Adds the volume and mount changes to the plan.</summary>
    /// <param name="context">The plan being built.</param>
    public static void Plan(PlanContext context)
    {
        var mounted = context.Spec.Volumes.OfType<MountedVolume>().ToList();
        var absent = context.Spec.Volumes.OfType<AbsentVolume>().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        RemoveStaleMounts(context, mounted, absent);
        foreach (var volume in mounted)
        {
            EnsureMount(context, volume);
            EnsureVolume(context, volume);
        }

        foreach (var name in absent)
        {
            RemoveVolume(context, name);
        }
    }

    /// <summary>Unmounts absent volumes, and mounted volumes from paths other than their own, except where another entry takes the path over.</summary>
    private static void RemoveStaleMounts(PlanContext context, List<MountedVolume> mounted, HashSet<string> absent)
    {
        var view = context.View;
        var byPath = mounted.ToDictionary(v => v.MountPath, StringComparer.Ordinal);
        var byName = mounted.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var (index, mount) in view.Mounts)
        {
            var name = PodTemplateView.NameOf(mount);
            var path = PodTemplateView.MountPathOf(mount);
            if (name is null || path is null || byPath.ContainsKey(path))
            {
                continue;
            }

            var change = absent.Contains(name)
                ? $"container {view.ContainerName}: unmounted {name} from {path}"
                : byName.TryGetValue(name, out var moved)
                    ? $"container {view.ContainerName}: unmounted {name} from {path} (now mounted at {moved.MountPath})"
                    : null;
            if (change is not null)
            {
                context.Removals.RemoveElement(view.MountsPath, index, [("name", name), ("mountPath", path)], change);
            }
        }
    }

    private static void EnsureMount(PlanContext context, MountedVolume volume)
    {
        var container = context.View.ContainerName;
        var what = $"{volume.Name} at {volume.MountPath}{(volume.ReadOnly ? " (read-only)" : string.Empty)}"
            + (string.IsNullOrEmpty(volume.SubPath) ? string.Empty : $" (sub-path {volume.SubPath})");
        Ensure(
            context.View.Mounts.Select(m => m.Item).FirstOrDefault(m => PodTemplateView.MountPathOf(m) == volume.MountPath),
            volume.ToMountJson(),
            context.Additions.Mount,
            $"container {container}: mounted {what}",
            $"container {container}: mount at {volume.MountPath} changed to {what}");
    }

    private static void EnsureVolume(PlanContext context, MountedVolume volume) =>
        Ensure(
            context.View.Volumes.Select(v => v.Item).FirstOrDefault(v => PodTemplateView.NameOf(v) == volume.Name),
            volume.ToVolumeJson(),
            context.Additions.Volume,
            $"volume {volume.Name}: added ({volume.DescribeSource()})",
            $"volume {volume.Name}: changed to {volume.DescribeSource()}");

    /// <summary>Adds <paramref name="desired"/> when there is no element, or a strategic-merge replacement of a different one; nothing when it is equivalent.</summary>
    private static void Ensure(JsonObject? existing, JsonObject desired, Action<JsonObject, string> add, string added, string changed)
    {
        if (existing is null)
        {
            add(desired, added);
        }
        else if (!JsonEquivalence.Equivalent(existing, desired))
        {
            add(JsonEquivalence.ReplacementPatch(existing, desired), $"{changed} (was {existing.ToJsonString()})");
        }
    }

    private static void RemoveVolume(PlanContext context, string name)
    {
        var view = context.View;
        foreach (var (index, _) in view.Volumes.Where(v => PodTemplateView.NameOf(v.Item) == name).Take(1))
        {
            if (!view.IsMountedByAnotherContainer(name))
            {
                context.Removals.RemoveElement(PodTemplateView.VolumesPath, index, [("name", name)], $"volume {name}: removed");
            }
        }
    }
}
