using System.Diagnostics;

namespace Charmarr.Ops.Tracing;

/// <summary>
/// Records the SDK's spans of one dispatch. <see cref="ActivitySource"/> listeners are process-wide, so the recorder
/// samples only activities started in its own asynchronous flow (the dispatch that created it) and keeps only those of
/// its root's trace: concurrent dispatches in one process (tests) never mix.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly AsyncLocal<SpanRecorder?> Active = new();

    private readonly ActivityListener listener;
    private readonly List<Activity> spans = [];
    private readonly Lock gate = new();
    private ActivityTraceId traceId;

    public SpanRecorder()
    {
        // Create the source first: created during AddActivityListener's walk over the sources, it would be missed.
        var charmSource = CharmActivities.Source;
        listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, charmSource),
            Sample = Sample,
            ActivityStopped = Stopped,
        };
        Active.Value = this;
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The recorded spans, in the order they ended (the root last).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (gate)
            {
                return [.. spans];
            }
        }
    }

    /// <summary>Keeps the spans of <paramref name="root"/>'s trace from now on.</summary>
    public void Track(Activity? root)
    {
        if (root is not null)
        {
            traceId = root.TraceId;
        }
    }

    public void Dispose()
    {
        if (Active.Value == this)
        {
            Active.Value = null;
        }

        listener.Dispose();
    }

    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options) =>
        ReferenceEquals(Active.Value, this) ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None;

    private void Stopped(Activity activity)
    {
        if (activity.TraceId != traceId || traceId == default)
        {
            return;
        }

        lock (gate)
        {
            spans.Add(activity);
        }
    }
}
