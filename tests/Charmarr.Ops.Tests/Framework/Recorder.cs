namespace Charmarr.Ops.Tests.Framework;

/// <summary>A singleton the test charms write to, so tests can see which handlers ran, in which order, across dispatches.</summary>
internal sealed class Recorder
{
    public List<string> Calls { get; } = [];

    /// <summary>Handlers consult this to decide whether to defer.</summary>
    public HashSet<string> DeferWhile { get; } = new(StringComparer.Ordinal);

    /// <summary>How many charm instances were built.</summary>
    public int Instances { get; set; }
}
