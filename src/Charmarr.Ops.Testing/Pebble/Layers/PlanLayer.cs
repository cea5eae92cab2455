namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>A parsed layer (or the combined plan, which has the same shape).</summary>
internal sealed class PlanLayer
{
    public string Label { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public SortedDictionary<string, ServiceConfig> Services { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, CheckConfig> Checks { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, LogTargetConfig> LogTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>Names given a null body in the YAML (<c>svc: ~</c>), which validation rejects.</summary>
    public List<string> NullServices { get; } = [];

    /// <summary>Checks given a null body.</summary>
    public List<string> NullChecks { get; } = [];

    /// <summary>Log targets given a null body.</summary>
    public List<string> NullLogTargets { get; } = [];
}

/// <summary>A layer or plan that Pebble rejects: the message is Pebble's, the status 400 or 500.</summary>
internal sealed class LayerException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
