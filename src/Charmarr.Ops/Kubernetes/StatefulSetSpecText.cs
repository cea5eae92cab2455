using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Charmarr.Ops.Kubernetes;

/// <summary>
/// A canonical text of everything a <see cref="StatefulSetSpec"/> asks of one StatefulSet: equal for equal wishes,
/// different when any volume, mount, group, privilege or limit differs. Written field by field (never from
/// <c>ToString</c>), so a text stored by one charm revision still compares with the next one's. It is kept whole, not
/// hashed: a few hundred bytes, readable in <c>state-get</c>, and no cryptography library loaded for it (.NET's SHA-256
/// loads OpenSSL, which cost every reconciling dispatch ~4 MB of peak RSS in the bench).
/// </summary>
internal static class StatefulSetSpecText
{
    // Bump when the fields written change, so every stored text is taken as unconfirmed once.
    private const int Version = 1;

    public static string Compute(string namespaceName, string name, StatefulSetSpec spec)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("namespace", namespaceName);
            writer.WriteString("name", name);
            writer.WriteString("container", spec.ContainerName);
            writer.WriteStartArray("volumes");
            foreach (var volume in spec.Volumes)
            {
                WriteVolume(writer, volume);
            }

            writer.WriteEndArray();
            writer.WriteString("fsGroup", spec.PodFsGroup.ToString());
            WriteNumbers(writer, "supplementalGroups", spec.SupplementalGroups);
            WriteNumbers(writer, "absentSupplementalGroups", spec.AbsentSupplementalGroups);
            writer.WriteString("privileged", spec.Privileged switch { true => "true", false => "false", null => "unspecified" });
            writer.WriteStartObject("limits");
            foreach (var (resource, quantity) in spec.ResourceLimits.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                writer.WriteString(resource, quantity);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("absentLimits");
            foreach (var resource in spec.AbsentResourceLimits.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(resource);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteVolume(Utf8JsonWriter writer, StatefulSetVolume volume)
    {
        writer.WriteStartObject();
        writer.WriteString("name", volume.Name);
        switch (volume)
        {
            case PvcVolume pvc:
                writer.WriteString("kind", "pvc");
                writer.WriteString("claim", pvc.ClaimName);
                break;
            case HostPathVolume hostPath:
                writer.WriteString("kind", "hostPath");
                writer.WriteString("path", hostPath.Path);
                writer.WriteString("type", hostPath.Type.ToString());
                break;
            case AbsentVolume:
                writer.WriteString("kind", "absent");
                break;
            default:
                throw new ArgumentException($"volume {volume.Name}: {volume.GetType().Name} has no canonical text", nameof(volume));
        }

        if (volume is MountedVolume mounted)
        {
            writer.WriteString("mountPath", mounted.MountPath);
            writer.WriteBoolean("readOnly", mounted.ReadOnly);
            writer.WriteString("subPath", mounted.SubPath);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, IEnumerable<long> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.Order())
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
