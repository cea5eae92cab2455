using Charmarr.Bench.Hooks;
using Charmarr.Bench.Peer;

namespace Charmarr.Bench.Tests.Peer;

/// <summary>Which charm runs which compared event, and how a ratio to the peer is printed.</summary>
public sealed class PeerComparisonTests
{
    [Fact]
    public void The_template_charm_only_runs_the_events_it_declares_and_the_others_run_all()
    {
        var template = new ComparedCharm("template", CharmKind.Template, "/t", null!);
        var plex = new ComparedCharm("plex", CharmKind.Plex, "/p", null!);

        Assert.Equal(["config-changed", "update-status", "stop (observed by none)"], PeerComparison.Events.Where(e => PeerComparison.Runs(template, e)).Select(e => e.Label));
        Assert.Equal(PeerComparison.Events, PeerComparison.Events.Where(e => PeerComparison.Runs(plex, e)));
    }

    [Fact]
    public void The_stop_event_comes_last_so_no_recorded_event_follows_it()
    {
        Assert.StartsWith("stop", PeerComparison.Events[^1].Label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30.0, 300.0, "0.10 × peer")]
    [InlineData(45.0, 300.0, "0.15 × peer")]
    public void A_ratio_is_the_median_over_the_peers_median(double median, double peer, string text)
    {
        Assert.Equal(text, PeerComparison.Ratio(median, peer));
    }
}
