namespace Charmarr.Ops.Testing.Pebble.Layers;

/// <summary>One log target of a layer or of the combined plan.</summary>
internal sealed class LogTargetConfig
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Location { get; set; } = "";
    public List<string> Services { get; set; } = [];
    public string Override { get; set; } = "";
    public SortedDictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    public LogTargetConfig Copy()
    {
        var copy = (LogTargetConfig)MemberwiseClone();
        copy.Services = [.. Services];
        copy.Labels = new(Labels, StringComparer.Ordinal);
        return copy;
    }

    public void Merge(LogTargetConfig other)
    {
        Type = ServiceConfig.Pick(other.Type, Type);
        Location = ServiceConfig.Pick(other.Location, Location);
        Services.AddRange(other.Services);
        ServiceConfig.MergeInto(Labels, other.Labels);
    }
}
