using System.Collections.Concurrent;

namespace Charmarr.Ops.Pebble;

/// <summary>The production factory: one <see cref="PebbleClient"/> per socket, shared for the life of the charm
/// process and disposed with the factory.</summary>
public sealed class PebbleClientFactory : IPebbleClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, PebbleClient> clients = new(StringComparer.Ordinal);
    private readonly TimeSpan? timeout;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeout">How long Pebble may be silent during a call; default 5 seconds.</param>
    public PebbleClientFactory(TimeSpan? timeout = null)
    {
        this.timeout = timeout;
    }

    /// <inheritdoc />
    public IPebbleClient Create(string containerName, string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        return clients.GetOrAdd(socketPath, path => new PebbleClient(path, timeout));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        clients.Clear();
    }
}
