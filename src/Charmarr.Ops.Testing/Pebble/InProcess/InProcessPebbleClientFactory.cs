using System.Collections.Concurrent;
using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.Testing.Pebble.InProcess;

/// <summary>
/// Hands out one <see cref="InProcessPebbleClient"/> per container, each over its own <see cref="PebbleSimulator"/>;
/// register it in place of the production factory so a charm under test talks to simulated Pebbles.
/// </summary>
public sealed class InProcessPebbleClientFactory : IPebbleClientFactory
{
    private readonly ConcurrentDictionary<string, InProcessPebbleClient> clients = new(StringComparer.Ordinal);

    /// <summary>The client of a container, made (with a fresh simulator) on first use.</summary>
    /// <param name="containerName">The container name.</param>
    /// <returns>Its client; set <see cref="InProcessPebbleClient.CanConnect"/> on it to simulate an absent Pebble.</returns>
    public InProcessPebbleClient For(string containerName) =>
        clients.GetOrAdd(containerName, name => new InProcessPebbleClient(new PebbleSimulator(), $"/charm/containers/{name}/pebble.socket"));

    /// <summary>The simulator of a container, made on first use.</summary>
    /// <param name="containerName">The container name.</param>
    /// <returns>Its simulator.</returns>
    public PebbleSimulator Simulator(string containerName) => For(containerName).Simulator;

    /// <inheritdoc/>
    public IPebbleClient Create(string containerName, string socketPath) => For(containerName);
}
