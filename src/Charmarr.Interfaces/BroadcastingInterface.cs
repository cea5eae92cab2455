using Charmarr.Ops.Framework;

namespace Charmarr.Interfaces;

/// <summary>A side of an interface that publishes the same data to every relation on its endpoint.</summary>
/// <typeparam name="TData">The data this side publishes.</typeparam>
public abstract class BroadcastingInterface<TData> : RelationInterface
    where TData : class
{
    private protected BroadcastingInterface(CharmObject parent, string endpoint, bool raisesChanged)
        : base(parent, endpoint, raisesChanged)
    {
    }

    /// <summary>Publishes <paramref name="data"/> to every relation on the endpoint (leader only; a logged no-op on other units).</summary>
    /// <param name="data">The data.</param>
    /// <exception cref="ArgumentException">A field holds a value the remote side would refuse (e.g. a <c>pvc_name</c> that is
    /// not a Kubernetes name); the message names the endpoint and the field.</exception>
    public void PublishData(TData data) => PublishToAll(data);
}
