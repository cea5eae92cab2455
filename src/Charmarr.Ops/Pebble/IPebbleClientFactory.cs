namespace Charmarr.Ops.Pebble;

/// <summary>Makes the Pebble client of a workload container. Production connects to its unix socket; the Testing
/// package hands out simulated Pebbles. Registered in the charm's services, so a test can swap it.</summary>
public interface IPebbleClientFactory
{
    /// <summary>Gets the client of a container.</summary>
    /// <param name="containerName">The container name from the charm's metadata.</param>
    /// <param name="socketPath">Where its Pebble listens (<c>/charm/containers/&lt;name&gt;/pebble.socket</c>).</param>
    /// <returns>The client.</returns>
    IPebbleClient Create(string containerName, string socketPath);
}
