using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Tests.Pebble.Conformance;

/// <summary>
/// One test's view of a Pebble: the client under test, the simulator behind it (null for real Pebble), a scratch
/// directory to put files under, and a name prefix so tests sharing one real Pebble do not see each other's services.
/// </summary>
public sealed class PebbleFace : IAsyncDisposable
{
    private readonly Func<TimeSpan, IPebbleClient> clientWithTimeout;
    private readonly List<IDisposable> owned = [];
    private readonly PebbleSocketServer? server;

    internal PebbleFace(string kind, IPebbleClient client, PebbleSimulator? simulator, PebbleSocketServer? server, string scratch, string prefix, Func<TimeSpan, IPebbleClient> clientWithTimeout)
    {
        Kind = kind;
        Client = client;
        Simulator = simulator;
        this.server = server;
        Scratch = scratch;
        Prefix = prefix;
        this.clientWithTimeout = clientWithTimeout;
        if (client is IDisposable disposable)
        {
            owned.Add(disposable);
        }
    }

    /// <summary><c>in-process</c>, <c>socket</c> or <c>real</c>.</summary>
    public string Kind { get; }

    /// <summary>The client under test.</summary>
    public IPebbleClient Client { get; }

    /// <summary>The simulator behind the client, or null when the peer is real Pebble.</summary>
    public PebbleSimulator? Simulator { get; }

    /// <summary>True when the peer is real Pebble.</summary>
    public bool IsReal => Simulator is null;

    /// <summary>An existing directory only this test writes under.</summary>
    public string Scratch { get; }

    /// <summary>The prefix of this test's service, check, layer and identity names.</summary>
    public string Prefix { get; }

    /// <summary>Run after the face is disposed (e.g. deletes the socket's directory).</summary>
    internal Action? Cleanup { get; init; }

    /// <summary>A name of this test's own.</summary>
    public string Name(string name) => Prefix + name;

    /// <summary>A path under this test's scratch directory.</summary>
    public string PathOf(string relative) => Scratch + "/" + relative.TrimStart('/');

    /// <summary>What a real process would do by itself, made to happen on the simulator (nothing on real Pebble).</summary>
    public void Simulate(Action<PebbleSimulator> action)
    {
        if (Simulator is not null)
        {
            action(Simulator);
        }
    }

    /// <summary>Another client for the same peer with a different call timeout (the same client in process).</summary>
    public IPebbleClient ClientWithTimeout(TimeSpan timeout)
    {
        var client = clientWithTimeout(timeout);
        if (!ReferenceEquals(client, Client) && client is IDisposable disposable)
        {
            owned.Add(disposable);
        }

        return client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Cleanup?.Invoke();
    }
}
