using System.Diagnostics;
using System.Globalization;
using Charmarr.Ops.Tracing;

namespace Charmarr.Ops.Testing;

/// <summary>
/// Captures the spans of one dispatch in process. Listeners are process-wide and tests run in parallel, so the capture
/// starts a span of its own around the dispatch (the dispatch's root becomes its child, in its trace) and keeps only the
/// SDK's spans of that trace.
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    private static readonly ActivitySource HarnessSource = new("Charmarr.Ops.Testing");

    private readonly ActivityListener listener;
    private readonly List<Activity> spans = [];
    private readonly Lock gate = new();
    private readonly Activity? around;
    private readonly Activity? previous;

    public SpanCapture()
    {
        // Create both sources first: one created during AddActivityListener's walk over the sources would be missed.
        var charmSource = CharmActivities.Source;
        var harnessSource = HarnessSource;
        listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, harnessSource) || ReferenceEquals(source, charmSource),
            Sample = Sample,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);

        // A new root, whatever the test itself runs under.
        previous = Activity.Current;
        Activity.Current = null;
        around = HarnessSource.StartActivity("harness dispatch");
        if (around is null)
        {
            Activity.Current = previous;
        }
    }

    /// <summary>Ends the capture; the spans recorded, parents before children (in start order).</summary>
    public IReadOnlyList<CharmSpan> Finish()
    {
        around?.Stop();
        Activity.Current = previous;
        listener.Dispose();
        lock (gate)
        {
            return spans.OrderBy(s => s.StartTimeUtc).Select(ToSpan).ToList();
        }
    }

    public void Dispose()
    {
        around?.Dispose();
        listener.Dispose();
    }

    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options)
    {
        if (options.Source == HarnessSource)
        {
            return around is null && options.Parent == default ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None;
        }

        return around is not null && options.Parent.TraceId == around.TraceId
            ? ActivitySamplingResult.AllDataAndRecorded
            : ActivitySamplingResult.None;
    }

    private void Stopped(Activity activity)
    {
        if (around is null || activity.TraceId != around.TraceId || !ReferenceEquals(activity.Source, CharmActivities.Source))
        {
            return;
        }

        lock (gate)
        {
            spans.Add(activity);
        }
    }

    private CharmSpan ToSpan(Activity activity) => new(
        activity.DisplayName,
        activity.SpanId.ToHexString(),
        activity.ParentSpanId == default || activity.ParentSpanId == around?.SpanId ? null : activity.ParentSpanId.ToHexString(),
        activity.TagObjects.Where(t => t.Value is not null)
            .ToDictionary(t => t.Key, t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal),
        activity.Status,
        activity.StatusDescription,
        activity.Events.Select(e => e.Name).ToList());
}
