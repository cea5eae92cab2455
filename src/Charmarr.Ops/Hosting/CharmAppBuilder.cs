using System.Diagnostics.CodeAnalysis;
using Charmarr.Ops.Backend;
using Charmarr.Ops.Framework;
using Charmarr.Ops.HookTools;
using Charmarr.Ops.Kubernetes;
using Charmarr.Ops.Logging;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.State;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Hosting;

/// <summary>
/// Configures a charm application: the services the charm needs, and the framework's own defaults (hook tools for
/// Juju, controller-side stored state, <c>juju-log</c> logging, Pebble over unix sockets, Kubernetes through the pod's
/// service account), each of which may be replaced before <see cref="Build{TCharm}"/>.
/// </summary>
public sealed class CharmAppBuilder
{
    private CharmMetadata? metadata;
    private LogLevel minimumLevel = LogLevel.Debug;
    private bool echoLogs;
    private Func<LogLevel, bool>? logFilter;

    internal CharmAppBuilder(IReadOnlyList<string> args)
    {
        Args = args;
    }

    /// <summary>The command-line arguments (Juju passes none; kept for tooling).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The services: register what the charm's constructor asks for here.</summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>Registers services.</summary>
    /// <param name="configure">Adds to <see cref="Services"/>.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Services);
        return this;
    }

    /// <summary>Keeps stored state in a local file instead of the controller (machine charms, tests). On Kubernetes the file
    /// is lost whenever the pod is replaced.</summary>
    /// <param name="path">The file.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseLocalStateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Services.Replace(ServiceDescriptor.Singleton<IStateStore>(new FileStateStore(path)));
        return this;
    }

    /// <summary>Talks to Juju through another backend (the Testing package's in-memory model).</summary>
    /// <param name="backend">The backend.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseBackend(IJujuBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Services.Replace(ServiceDescriptor.Singleton(backend));
        return this;
    }

    /// <summary>Reaches the workload containers' Pebble through another factory (the Testing package's simulated Pebble).</summary>
    /// <param name="pebbleClients">The factory.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UsePebble(IPebbleClientFactory pebbleClients)
    {
        ArgumentNullException.ThrowIfNull(pebbleClients);
        Services.Replace(ServiceDescriptor.Singleton(pebbleClients));
        return this;
    }

    /// <summary>
    /// Reaches the Kubernetes API through another <see cref="IStatefulSetApi"/> (the Testing package's simulator, or a
    /// local proxy). By default the pod's service account is used, connecting on first use.
    /// </summary>
    /// <param name="api">The API.</param>
    /// <param name="retryPolicy">How the <see cref="StatefulSetReconciler"/> retries transient failures; the default policy when null.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseKubernetes(IStatefulSetApi api, KubernetesRetryPolicy? retryPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        Services.Replace(ServiceDescriptor.Singleton(api));
        if (retryPolicy is not null)
        {
            Services.Replace(ServiceDescriptor.Singleton(retryPolicy));
        }

        return this;
    }

    /// <summary>
    /// Enables charm tracing (as Python's <c>ops[tracing]</c> does): once a relation interface saves a destination
    /// (<see cref="TracingDestinationStore.SetDestination"/>, e.g. the Interfaces package's <c>CharmTracing</c> component on the
    /// charm's <c>tracing</c> endpoint), every dispatch is traced (a span for the dispatch, each event and observer, hook
    /// tool, Pebble and Kubernetes call) and exported as OTLP/HTTP JSON at its end, buffered on disk while the collector
    /// is unreachable. Until then a dispatch only checks that no destination file exists.
    /// </summary>
    /// <param name="directory">Where the destination and the buffer are kept; by default
    /// <c>$JUJU_CHARM_DIR/../.charmarr-tracing</c> (the unit's agent directory, which upgrade-charm leaves alone).</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseCharmTracing(string? directory = null)
    {
        if (directory is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory);
        }

        Services.Replace(ServiceDescriptor.Singleton(new CharmTracingOptions { Directory = directory }));
        return this;
    }

    /// <summary>Uses these metadata instead of reading the charm directory's YAML.</summary>
    /// <param name="charmMetadata">The metadata.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseMetadata(CharmMetadata charmMetadata)
    {
        ArgumentNullException.ThrowIfNull(charmMetadata);
        metadata = charmMetadata;
        return this;
    }

    /// <summary>Sets the lowest log level sent to <c>juju-log</c> (default: Debug; Juju's model config filters further).</summary>
    /// <param name="level">The level.</param>
    /// <param name="echoToStderr">Also write log lines to standard error.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseLogLevel(LogLevel level, bool echoToStderr = false)
    {
        minimumLevel = level;
        echoLogs = echoToStderr;
        return this;
    }

    /// <summary>
    /// Adds a filter every log line passes after the minimum level (of <see cref="UseLogLevel"/>), for a level the charm
    /// only knows during a dispatch (e.g. from its config). It is consulted only for a line that is about to be written,
    /// so a filter that reads config costs nothing in a dispatch that logs nothing.
    /// </summary>
    /// <param name="allows">Whether a line of this level is written.</param>
    /// <returns>This builder.</returns>
    public CharmAppBuilder UseLogFilter(Func<LogLevel, bool> allows)
    {
        ArgumentNullException.ThrowIfNull(allows);
        logFilter = allows;
        return this;
    }

    /// <summary>Finishes configuration.</summary>
    /// <typeparam name="TCharm">The charm class; built by dependency injection for every dispatch.</typeparam>
    /// <returns>The application.</returns>
    public CharmApp Build<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCharm>()
        where TCharm : CharmBase
    {
        var services = Services;
        services.TryAddSingleton<IJujuBackend>(_ => new HookToolBackend());
        services.TryAddSingleton<IStateStore>(sp => new JujuStateStore(sp.GetRequiredService<IJujuBackend>()));
        services.TryAddSingleton<IPebbleClientFactory>(_ => new PebbleClientFactory());
        services.TryAddSingleton<IStatefulSetApi>(_ => new InClusterStatefulSetApi());
        services.TryAddSingleton(KubernetesRetryPolicy.Default);
        services.AddSingleton(new CharmMetadataProvider(metadata));
        // No ClearProviders: a provider the charm (or a test harness) registered in ConfigureServices keeps receiving logs.
        var level = minimumLevel;
        var echo = echoLogs;
        var filter = logFilter;
        if (services.Any(d => d.ServiceType == typeof(ILoggerFactory)))
        {
            // The charm chose Microsoft.Extensions.Logging's factory (AddLogging): keep it, with its options and filters.
            services.AddLogging(logging => logging.SetMinimumLevel(level).AddFilter(l => filter is null || filter(l)));
        }
        else
        {
            services.AddSingleton<ILoggerFactory>(sp => new CharmLoggerFactory(sp.GetServices<ILoggerProvider>(), level, filter));
            services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        }

        services.AddSingleton<ILoggerProvider>(sp => new JujuLoggerProvider(sp.GetRequiredService<IJujuBackend>(), level, echo));

        services.AddScoped(_ => new DispatchScope());
        services.AddScoped(sp => sp.GetRequiredService<DispatchScope>().Context);
        services.AddScoped(sp => sp.GetRequiredService<CharmMetadataProvider>().Get(sp.GetRequiredService<DispatchScope>().Context.CharmDir));
        services.AddScoped(sp => new CharmModel(
            sp.GetRequiredService<IJujuBackend>(),
            sp.GetRequiredService<DispatchScope>().Context,
            sp.GetRequiredService<CharmMetadata>(),
            sp.GetRequiredService<IPebbleClientFactory>()));
        services.AddScoped(sp => new CharmFramework(
            sp.GetRequiredService<CharmModel>(),
            sp.GetRequiredService<IStateStore>(),
            sp.GetRequiredService<ILoggerFactory>())
        {
            Tracing = sp.GetService<CharmTracingOptions>() is { } tracing
                ? new TracingDestinationStore(tracing.DirectoryFor(sp.GetRequiredService<DispatchScope>().Context))
                : TracingDestinationStore.Disabled,
        });
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<DispatchScope>().Context;
            return new StatefulSetReconciler(
                sp.GetRequiredService<IStatefulSetApi>(),
                context.ModelName.Length > 0 ? context.ModelName : throw new InvalidOperationException("JUJU_MODEL_NAME is not set, so the StatefulSet's namespace is unknown"),
                context.AppName,
                sp.GetRequiredService<KubernetesRetryPolicy>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Charmarr.Ops.Kubernetes"))
            {
                Confirmation = new StatefulSetConfirmation(
                    () => sp.GetRequiredService<CharmFramework>().BindState(StatefulSetConfirmation.Key, FrameworkJson.Default.String, () => string.Empty),
                    context.EventName),
            };
        });
        services.AddScoped<TCharm>();
        services.AddScoped<CharmBase>(sp => sp.GetRequiredService<TCharm>());

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new CharmApp(provider);
    }
}
