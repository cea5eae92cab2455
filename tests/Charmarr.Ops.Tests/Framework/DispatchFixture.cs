using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Context;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Tests.Framework;

/// <summary>Runs test charms through the production dispatcher with a fake backend and an in-memory state store.</summary>
internal sealed class DispatchFixture<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm> : IDisposable
    where TCharm : CharmBase
{
    public const string Metadata = """
        name: test
        requires:
          db:
            interface: db
        containers:
          web:
            resource: web-image
        resources:
          web-image:
            type: oci-image
        storage:
          data:
            type: filesystem
            location: /data
        config:
          options:
            mode:
              type: string
              default: normal
        actions:
          run:
            params:
              count:
                type: integer
            required: [count]
          run-lazily:
            params:
              count:
                type: integer
          unhandled: {}
        """;

    private readonly CharmApp app;

    public DispatchFixture()
    {
        app = CharmApp.CreateBuilder([])
            .UseBackend(Backend)
            .UseMetadata(CharmMetadata.ParseCharmcraft(Metadata))
            .ConfigureServices(s => s.AddSingleton(Recorder).AddSingleton<Charmarr.Ops.State.IStateStore>(Store))
            .Build<TCharm>();
    }

    public FakeJujuBackend Backend { get; } = new();

    public MemoryStateStore Store { get; } = new();

    public Recorder Recorder { get; } = new();

    public int Dispatch(string dispatchPath, params (string Name, string Value)[] environment)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["JUJU_UNIT_NAME"] = "test/0",
            ["JUJU_DISPATCH_PATH"] = dispatchPath,
            ["JUJU_MODEL_NAME"] = "m",
            ["JUJU_VERSION"] = "3.6.4",
            ["JUJU_CHARM_DIR"] = "/nonexistent",
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        return app.DispatchAsync(JujuContext.FromEnvironment(env)).GetAwaiter().GetResult();
    }

    public int RelationChanged(int id, string remoteUnit) => Dispatch(
        "hooks/db-relation-changed",
        ("JUJU_RELATION", "db"),
        ("JUJU_RELATION_ID", $"db:{id}"),
        ("JUJU_REMOTE_UNIT", remoteUnit));

    public void Dispose() => app.Dispose();
}
