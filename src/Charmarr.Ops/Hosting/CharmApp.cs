using Charmarr.Ops.Context;
using Microsoft.Extensions.DependencyInjection;

namespace Charmarr.Ops.Hosting;

/// <summary>
/// A charm program. Juju runs it once per event; it handles that event and exits with 0 on success, or 1 (the exception
/// logged to <c>juju-log</c>) when a handler throws, so Juju marks the hook failed and retries it.
/// </summary>
/// <example>
/// <code>
/// return await CharmApp.CreateBuilder(args)
///     .ConfigureServices(services =&gt; services.AddSingleton&lt;IClock, SystemClock&gt;())
///     .Build&lt;MyCharm&gt;()
///     .RunAsync();
/// </code>
/// </example>
public sealed class CharmApp : IAsyncDisposable, IDisposable
{
    private const string ThreadPoolSpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    private readonly ServiceProvider services;

    internal CharmApp(ServiceProvider services)
    {
        this.services = services;
    }

    /// <summary>The root services (for tooling and tests).</summary>
    public IServiceProvider Services => services;

    /// <summary>Starts configuring a charm program.</summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>The builder.</returns>
    public static CharmAppBuilder CreateBuilder(string[] args) => new(args ?? []);

    /// <summary>Handles the event Juju dispatched to this process, described by its environment.</summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        // A dispatch is one short, mostly sequential run: a thread-pool worker that finished its item (a hook tool's pipe
        // read) spinning for more only takes the CPU from the hook tools (70 sched_yield calls per idle worker by default).
        // Read when the pool first starts, so set before any work is queued.
        AppContext.SetData(ThreadPoolSpinLimit, 0);
        JujuContext context;
        try
        {
            context = JujuContext.FromEnvironment();
        }
        catch (JujuContextException e)
        {
            await Console.Error.WriteLineAsync($"ERROR {e.Message}");
            return 2;
        }

        return await DispatchAsync(context, cancellationToken);
    }

    /// <summary>Handles one event described by <paramref name="context"/>: the path every dispatch takes, in Juju and in tests.</summary>
    /// <param name="context">The event's Juju context.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <returns>The exit code: 0 on success, 1 when a handler threw.</returns>
    public Task<int> DispatchAsync(JujuContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CharmDispatcher.DispatchAsync(services, context, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => services.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => services.Dispose();
}
