using System.Diagnostics;
using Charmarr.Ops.Context;
using Microsoft.Extensions.Logging;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// Charm tracing for one dispatch. <see cref="Start"/> reads only the destination file: without one (no tracing
/// relation) it returns <see langword="null"/> and the dispatch runs with no listener, no span and no HTTP client. With
/// one, it records the spans of the dispatch's trace; <see cref="FinishAsync"/> appends them to
/// the on-disk buffer and posts the buffer to the collector, keeping it for the next dispatch when that fails.
/// </summary>
internal sealed class DispatchTracer : IDisposable
{
    private readonly CharmTracingOptions options;
    private readonly JujuContext context;
    private readonly string directory;
    private readonly SpanRecorder recorder;
    private Activity? root;

    private DispatchTracer(CharmTracingOptions options, JujuContext context, string directory)
    {
        this.options = options;
        this.context = context;
        this.directory = directory;
        recorder = new SpanRecorder();
    }

    /// <summary>Begins recording the dispatch when tracing is enabled and a destination is saved; else <see langword="null"/>.</summary>
    public static DispatchTracer? Start(CharmTracingOptions? options, JujuContext context)
    {
        if (options is null)
        {
            return null;
        }

        var directory = options.DirectoryFor(context);
        try
        {
            return DestinationFile.Read(directory) is null ? null : new DispatchTracer(options, context, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the spans of <paramref name="dispatch"/>'s trace (the dispatch's root span, started after <see cref="Start"/>).</summary>
    public void Track(Activity? dispatch)
    {
        root = dispatch;
        recorder.Track(dispatch);
    }

    /// <summary>Buffers the dispatch's spans (its root ended) and exports the buffer; never throws for an export failure.</summary>
    public async Task FinishAsync(ILogger log)
    {
        recorder.Dispose();
        try
        {
            // The dispatch may have changed or cleared the destination (the tracing relation's own events).
            if (DestinationFile.Read(directory) is not { } destination)
            {
                return;
            }

            var buffer = new SpanBuffer(directory, options.Limits);
            var dropped = buffer.Append(OtlpJsonWriter.ResourceSpans(Resource(), recorder.Spans));
            var now = DateTimeOffset.UtcNow;
            if (ExportPause.IsPaused(directory, now))
            {
                WarnIfDropped(log, dropped);
                return;
            }

            var (lines, trimmed) = buffer.ReadForExport();
            WarnIfDropped(log, dropped + trimmed);

            var failure = await options.Exporter.ExportAsync(destination, SpanBuffer.Payload(lines), options.Limits.ExportDeadline).ConfigureAwait(false);
            if (failure is null)
            {
                buffer.Clear();
                ExportPause.Resume(directory);
                return;
            }

            ExportPause.Pause(directory, now + options.Limits.RetryPause);
            log.LogDebug(
                "Charm tracing: export to {Url} failed ({Reason}); {Count} dispatch(es) stay buffered, next try in {Seconds} s",
                destination.TracesUrl,
                failure,
                lines.Count,
                options.Limits.RetryPause.TotalSeconds);
        }
#pragma warning disable CA1031 // Tracing is best effort: nothing it does may fail the hook.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogDebug("Charm tracing: could not buffer or export spans: {Message}", e.Message);
        }
    }

    public void Dispose() => recorder.Dispose();

    private static void WarnIfDropped(ILogger log, int dropped)
    {
        if (dropped > 0)
        {
            log.LogWarning("Charm tracing: the span buffer is full; dropped the oldest {Count} dispatch(es)", dropped);
        }
    }

    private List<KeyValuePair<string, object?>> Resource() =>
    [
        new("service.name", context.AppName),
        new("service.namespace", context.ModelName),
        new("service.instance.id", context.UnitName),
        new("juju_model", context.ModelName),
        new("juju_model_uuid", context.ModelUuid),
        new("juju_application", context.AppName),
        new("juju_unit", context.UnitName),
        new("juju_charm", root?.GetTagItem(SpanAttributes.CharmName) as string),
    ];
}
