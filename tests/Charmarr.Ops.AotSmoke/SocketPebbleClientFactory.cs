using Charmarr.Ops.Pebble;

namespace Charmarr.Ops.AotSmoke;

/// <summary>The production <see cref="PebbleClient"/>, on sockets in a directory of the smoke test's own instead of
/// <c>/charm/containers</c>.</summary>
internal sealed class SocketPebbleClientFactory(string directory) : IPebbleClientFactory
{
    public static string SocketPath(string directory, string containerName) => Path.Combine(directory, $"{containerName}.socket");

    public IPebbleClient Create(string containerName, string socketPath) => new PebbleClient(SocketPath(directory, containerName));
}
