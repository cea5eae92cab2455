using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>
/// Juju 4's total-size quota (<c>core/quota</c>: <c>CheckKeyValueTotalSize</c>): the raw bytes of every key plus its
/// value, strings counted as they are and other values as their JSON text; over the limit is refused.
/// </summary>
internal static class JujuQuota
{
    /// <summary>The bytes a set of keys and values counts for.</summary>
    public static long TotalBytes(IReadOnlyDictionary<string, string> values) =>
        values.Sum(kv => (long)Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));

    /// <summary>A config value as the quota counts it.</summary>
    public static string ConfigText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";

    /// <summary>Juju's message for a total over <paramref name="limit"/>.</summary>
    public static string TotalSizeExceeded(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"max allowed total size ({limit}): quota limit exceeded");
}
