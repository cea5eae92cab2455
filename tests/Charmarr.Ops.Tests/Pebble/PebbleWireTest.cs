using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Pebble.Server;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>A real <see cref="PebbleClient"/> talking to a <see cref="FakePebbleServer"/> over a unix socket.</summary>
public abstract class PebbleWireTest : IAsyncDisposable
{
    /// <summary>Hang protection only: every wire call here finishes in milliseconds.</summary>
    protected static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private protected PebbleWireTest()
    {
        Client = new PebbleClient(Server.SocketPath);
    }

    internal FakePebbleServer Server { get; } = new();

    internal PebbleClient Client { get; }

    /// <summary>The one request the test made.</summary>
    internal RecordedRequest Request => Assert.Single(Server.Requests);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Limit);

    protected static Task Within(Task task) => task.WaitAsync(Limit);
}
