using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Tests.Fakes;
using Charmarr.Ops.Tests.Framework;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Tests.Pebble;

/// <summary>The charm app hands the containers of every dispatch the Pebble factory it was given.</summary>
public sealed class UsePebbleTests
{
    [Fact]
    public async Task A_pebble_ready_handler_reaches_the_factorys_client()
    {
        var pebble = new FakePebbleClient();
        var factory = new SingleClientFactory(pebble);
        using var app = CharmApp.CreateBuilder([])
            .UseBackend(new FakeJujuBackend())
            .UseMetadata(CharmMetadata.ParseCharmcraft(DispatchFixture<PebbleCharm>.Metadata))
            .ConfigureServices(s => s.AddSingleton<Charmarr.Ops.State.IStateStore>(new MemoryStateStore()))
            .UsePebble(factory)
            .Build<PebbleCharm>();

        var exit = await app.DispatchAsync(JujuContext.FromEnvironment(new Dictionary<string, string?>
        {
            ["JUJU_UNIT_NAME"] = "test/0",
            ["JUJU_DISPATCH_PATH"] = "hooks/web-pebble-ready",
            ["JUJU_WORKLOAD_NAME"] = "web",
            ["JUJU_MODEL_NAME"] = "m",
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_CHARM_DIR"] = "/nonexistent",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal([("web", "/charm/containers/web/pebble.socket")], factory.Created);
        Assert.Equal("ready"u8.ToArray(), pebble.Contents["/etc/web/state"]);
    }

    private sealed class SingleClientFactory(IPebbleClient client) : IPebbleClientFactory
    {
        public List<(string, string)> Created { get; } = [];

        public IPebbleClient Create(string containerName, string socketPath)
        {
            Created.Add((containerName, socketPath));
            return client;
        }
    }
}

/// <summary>Writes a file into its workload when Pebble is ready.</summary>
internal sealed class PebbleCharm : CharmBase
{
    public PebbleCharm(CharmFramework framework)
        : base(framework)
    {
        Observe<PebbleReadyEvent>("web", e => e.Workload.PushTextAsync("/etc/web/state", "ready"));
    }
}
