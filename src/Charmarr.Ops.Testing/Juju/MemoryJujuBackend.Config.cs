using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    private readonly Dictionary<string, JsonNode?> configDefaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> configValues = new(StringComparer.Ordinal);

    /// <summary>Declares an option's default, as charmcraft.yaml would; <see langword="null"/> means no default.</summary>
    /// <param name="key">The option name.</param>
    /// <param name="value">The default.</param>
    public void SetConfigDefault(string key, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        configDefaults[key] = value?.DeepClone();
    }

    /// <summary>Sets an option as <c>juju config</c> would; <see langword="null"/> resets it to its default.</summary>
    /// <param name="key">The option name.</param>
    /// <param name="value">The value.</param>
    public void SetConfig(string key, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (value is not null && JujuVersion.EnforcesDataSizeLimits)
        {
            var after = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in configValues)
            {
                after[k] = JujuQuota.ConfigText(v);
            }

            after[key] = JujuQuota.ConfigText(value);
            if (JujuQuota.TotalBytes(after) > JujuLimits.MaxApplicationConfigBytes)
            {
                throw new ArgumentException($"cannot set config: {JujuQuota.TotalSizeExceeded(JujuLimits.MaxApplicationConfigBytes)}", nameof(value));
            }
        }

        if (value is null)
        {
            configValues.Remove(key);
        }
        else
        {
            configValues[key] = JsonNode.Parse(value.ToJsonString())!;
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, JsonNode?> GetConfig()
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in configDefaults)
        {
            if (value is not null)
            {
                result[key] = value.DeepClone();
            }
        }

        foreach (var (key, value) in configValues)
        {
            result[key] = value.DeepClone();
        }

        return result;
    }
}
