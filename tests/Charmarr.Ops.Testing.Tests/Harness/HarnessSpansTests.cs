using System.Diagnostics;

namespace Charmarr.Ops.Testing.Tests.Harness;

/// <summary>EventRecord.Spans: the SDK's spans of each dispatch, kept apart from every other dispatch in the process.</summary>
public sealed class HarnessSpansTests
{
    [Fact]
    public void An_event_records_its_dispatch_span_with_the_events_and_observers_below_it()
    {
        using var harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()));
        harness.Begin();

        harness.UpdateConfig(("mode", "loud"));

        var record = harness.LastEvent;
        var root = Assert.Single(record.Spans, s => s.ParentSpanId is null);
        Assert.Equal("config-changed", root.Name);
        Assert.Equal(record.Spans[0], root);
        Assert.Equal("probe/0", root.Attributes["juju.unit"]);
        Assert.Equal("config-changed", root.Attributes["juju.event"]);
        Assert.Equal("0", root.Attributes["process.exit_code"]);
        Assert.Equal(ActivityStatusCode.Unset, root.Status);
        var emit = Assert.Single(record.ChildrenOf(root), s => s.Name == "emit config-changed");
        Assert.NotEmpty(record.ChildrenOf(emit));
        Assert.All(record.ChildrenOf(emit), o => Assert.StartsWith("ProbeCharm/", o.Name, StringComparison.Ordinal));
        Assert.Contains(record.ChildrenOf(root), s => s.Name == "emit collect-unit-status");
        Assert.All(record.Spans, s => Assert.True(s.ParentSpanId is null || record.Spans.Any(p => p.SpanId == s.ParentSpanId), $"{s.Name}'s parent is in the record"));
    }

    [Fact]
    public void A_failing_handler_is_an_error_span_with_an_exception_event()
    {
        var log = new ProbeLog();
        using var harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(log));
        harness.Begin();
        log.During = (_, e) => throw new InvalidOperationException($"{e.Name} failed on purpose");

        Assert.Throws<HookFailedException>(() => harness.UpdateConfig(("mode", "loud")));

        var record = harness.LastEvent;
        var failed = Assert.Single(record.Spans, s => s.Name.StartsWith("ProbeCharm/", StringComparison.Ordinal) && s.Status == ActivityStatusCode.Error);
        Assert.Contains("exception", failed.EventNames);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(record.Spans, s => s.ParentSpanId is null).Status);
    }

    [Fact]
    public async Task Harnesses_running_in_parallel_each_record_only_their_own_spans()
    {
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var harness = new Harness<ProbeCharm>(ProbeCharm.ParsedMetadata(), ProbeCharm.Configure(new ProbeLog()));
            harness.Begin();
            for (var i = 0; i < 5; i++)
            {
                harness.UpdateConfig(("mode", i % 2 == 0 ? "loud" : "quiet"));
            }

            return harness.Events.ToList();
        }, TestContext.Current.CancellationToken)).ToList();
        var results = await Task.WhenAll(runs);

        foreach (var record in results.SelectMany(r => r))
        {
            var root = Assert.Single(record.Spans, s => s.ParentSpanId is null);
            Assert.Equal(record.Name, root.Name);
            Assert.Single(record.Spans, s => s.Name == "emit " + record.Name);
        }

        Assert.Equal(results[0].Select(r => r.Spans.Count), results[1].Select(r => r.Spans.Count));
    }
}
