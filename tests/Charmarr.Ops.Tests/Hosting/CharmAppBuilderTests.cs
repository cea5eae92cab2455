using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Hosting;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Testing.Juju;
using Charmarr.Ops.Testing.Kubernetes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Tests.Hosting;

/// <summary>What CharmAppBuilder wires into each dispatch: the scoped StatefulSet reconciler, and logging providers the program adds.</summary>
public sealed class CharmAppBuilderTests
{
    private const string Metadata = "name: web\ncontainers:\n  web: {}\n";

    [Fact]
    public async Task UseKubernetes_gives_the_charm_a_reconciler_for_the_models_app_statefulset_through_that_api()
    {
        var kubernetes = new KubernetesSimulator();
        kubernetes.StatefulSets.Put(JujuStatefulSetTemplate.Create("shop", "web", CharmMetadata.ParseCharmcraft(Metadata)));
        var seen = new ReconcilerProbe();
        using var app = CharmApp.CreateBuilder([])
            .UseBackend(new MemoryJujuBackend("web/0"))
            .UseMetadata(CharmMetadata.ParseCharmcraft(Metadata))
            .UseKubernetes(kubernetes.Api, KubernetesRetryPolicy.Default with { Delay = (_, _) => Task.CompletedTask })
            .ConfigureServices(s => s.AddSingleton(seen))
            .Build<ReconcilingCharm>();

        var exit = await app.DispatchAsync(Context("shop"), TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(("shop", "web"), (seen.Namespace, seen.Name));
        Assert.Contains(kubernetes.Requests, r => r.Method == "PATCH");
        var web = kubernetes.StatefulSets.Get("shop", "web")!["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == "web")!;
        Assert.Contains(web["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/media");
    }

    [Fact]
    public async Task A_logging_provider_registered_by_the_program_receives_the_dispatchers_errors()
    {
        var provider = new ListLoggerProvider();
        using var app = CharmApp.CreateBuilder([])
            .UseBackend(new MemoryJujuBackend("web/0"))
            .UseMetadata(CharmMetadata.ParseCharmcraft(Metadata))
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(provider))
            .Build<CrashingCharm>();

        var exit = await app.DispatchAsync(Context("shop"), TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains(provider.Exceptions, e => e is InvalidOperationException { Message: "crash" });
    }

    private static JujuContext Context(string model) => JujuContext.FromEnvironment(new Dictionary<string, string?>
    {
        ["JUJU_UNIT_NAME"] = "web/0",
        ["JUJU_DISPATCH_PATH"] = "hooks/config-changed",
        ["JUJU_MODEL_NAME"] = model,
        ["JUJU_VERSION"] = "3.6.4",
        ["JUJU_CHARM_DIR"] = "/nonexistent",
    });

    internal sealed class ReconcilerProbe
    {
        public string? Namespace { get; set; }

        public string? Name { get; set; }
    }

    internal sealed class ReconcilingCharm : CharmBase
    {
        public ReconcilingCharm(CharmFramework framework, StatefulSetReconciler reconciler, ReconcilerProbe probe)
            : base(framework)
        {
            probe.Namespace = reconciler.Namespace;
            probe.Name = reconciler.Name;
            Observe<ConfigChangedEvent>(async _ =>
            {
                var spec = new StatefulSetSpec("web");
                spec.Volumes.Add(StatefulSetVolume.Pvc("media", "media-claim", "/media"));
                await reconciler.ReconcileAsync(spec);
            });
        }
    }

    internal sealed class CrashingCharm : CharmBase
    {
        public CrashingCharm(CharmFramework framework)
            : base(framework)
        {
            Observe<ConfigChangedEvent>(_ => throw new InvalidOperationException("crash"));
        }
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<Exception> Exceptions { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null)
                {
                    owner.Exceptions.Add(exception);
                }
            }
        }
    }
}
