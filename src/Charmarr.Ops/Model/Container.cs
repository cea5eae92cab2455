using Charmarr.Ops.Metadata;

namespace Charmarr.Ops.Model;

/// <summary>A workload container of a Kubernetes sidecar charm, run by Pebble.</summary>
public sealed class Container
{
    internal Container(ContainerMeta meta)
    {
        Meta = meta;
    }

    /// <summary>The container name.</summary>
    public string Name => Meta.Name;

    /// <summary>What the metadata declares about it.</summary>
    public ContainerMeta Meta { get; }

    /// <summary>Where its Pebble listens: <c>/charm/containers/&lt;name&gt;/pebble.socket</c>.</summary>
    public string PebbleSocketPath => $"/charm/containers/{Name}/pebble.socket";

    /// <inheritdoc />
    public override string ToString() => Name;
}
