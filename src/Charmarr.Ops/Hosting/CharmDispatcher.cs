using System.Diagnostics;
using Charmarr.Ops.Context;
using Charmarr.Ops.Events;
using Charmarr.Ops.Framework;
using Charmarr.Ops.Metadata;
using Charmarr.Ops.Model;
using Charmarr.Ops.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Hosting;

/// <summary>
/// One dispatch, the same in Juju and in tests: build the charm in a fresh scope, re-emit deferred events, emit the
/// dispatched event, collect status, commit stored state; map the outcome to an exit code. With charm tracing enabled and
/// a destination saved, the whole dispatch is one trace, exported at its end.
/// </summary>
internal static class CharmDispatcher
{
    public static async Task<int> DispatchAsync(IServiceProvider root, JujuContext context, CancellationToken cancellationToken)
    {
        // Without a tracing destination (and outside the Testing package) nothing listens: no span is made.
        using var tracer = DispatchTracer.Start(root.GetService<CharmTracingOptions>(), context);
        var span = CharmActivities.StartDispatch(context);
        tracer?.Track(span);
        var exitCode = 1;
        try
        {
            exitCode = await DispatchAsync(root, context, span, cancellationToken);
        }
        finally
        {
            CharmActivities.EndDispatch(span, exitCode);
        }

        if (tracer is not null)
        {
            await tracer.FinishAsync(root.GetRequiredService<ILoggerFactory>().CreateLogger("Charmarr.Ops.Tracing"));
        }

        return exitCode;
    }

    private static async Task<int> DispatchAsync(IServiceProvider root, JujuContext context, Activity? span, CancellationToken cancellationToken)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<DispatchScope>().Context = context;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Charmarr.Ops");
        CharmModel? model = null;
        try
        {
            var framework = services.GetRequiredService<CharmFramework>();
            model = framework.Model;
            span?.SetTag(SpanAttributes.CharmName, services.GetRequiredService<CharmMetadata>().Name);
            services.GetRequiredService<CharmBase>();
            cancellationToken.ThrowIfCancellationRequested();

            // collect-metrics runs in a restricted context where most hook tools fail.
            var restricted = context.EventName is "collect-metrics" or "meter-status-changed";
            if (!restricted)
            {
                await framework.ReemitDeferredAsync();
            }

            await EmitDispatchedEventAsync(framework, context, log);
            if (!restricted)
            {
                await framework.CollectStatusAsync();
            }

            framework.Commit();
            return 0;
        }
        catch (CharmBlockedException e) when (model is not null)
        {
            CharmActivities.Fail(span, e);
            return Block(model, context, e, log);
        }
#pragma warning disable CA1031 // The process boundary: every failure becomes exit code 1 with the exception logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            CharmActivities.Fail(span, e);
            log.LogError(e, "Uncaught {Type} in charm code while handling {Event}: {Message}", e.GetType().Name, context.EventName, e.Message);
            if (context.Kind == DispatchKind.Action)
            {
                // Action output is shown to the operator; give the reason there too.
                await Console.Error.WriteLineAsync($"Uncaught {e.GetType().Name} in charm code: {e.Message}\nUse `juju debug-log` to see the full stack trace.");
            }

            return 1;
        }
    }

    private static async Task EmitDispatchedEventAsync(CharmFramework framework, JujuContext context, ILogger log)
    {
        var dispatched = EventFactory.Create(JujuEventSnapshot.From(context), framework.Model);
        switch (dispatched)
        {
            case null when context.Kind == DispatchKind.Action:
                framework.Model.Backend.FailAction($"action '{context.EventName}' is not declared in this charm's metadata");
                return;
            case null:
                log.LogDebug("{Event} is not an event this charm declares; ignoring it", context.EventName);
                return;
            case ActionEvent action when !framework.Observers.Any(o => o.Matches(action)):
                action.Fail($"action '{action.Name}' is declared but this charm has no handler for it");
                return;
            default:
                // Trace, not Debug: at the default level this per-event line would cost every hook a juju-log round trip.
                log.LogTrace("Emitting {Event}", dispatched.Name);
                await framework.EmitAsync(dispatched);
                return;
        }
    }

    private static int Block(CharmModel model, JujuContext context, CharmBlockedException e, ILogger log)
    {
        try
        {
            if (context.Kind == DispatchKind.Action)
            {
                model.Backend.FailAction(e.Message);
            }
            else
            {
                log.LogWarning("Blocked: {Message}", e.Message);
                model.Unit.Status = Status.Blocked(e.Message);
            }

            return 0;
        }
#pragma warning disable CA1031 // Reporting the block failed: fail the hook so Juju shows and retries it.
        catch (Exception inner)
#pragma warning restore CA1031
        {
            log.LogError(inner, "Could not report blocked status ({Message})", e.Message);
            return 1;
        }
    }
}
