using Charmarr.Bench.Hooks;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Peer;

/// <summary>An emulated unit of the Python ops peer, brought through plex-k8s's deploy story: the same leadership, config,
/// media-storage relation and remote data, so both charms answer the same events from the same model. Its Pebble is out of
/// reach (ops looks only under <c>/charm/containers</c>), so it reconciles to "waiting for Pebble" on every event.</summary>
internal static class PeerDeployment
{
    public static async Task<BenchUnit> StartAsync(string charmDirectory, string shim)
    {
        var story = ScenarioReader.Parse(PlexDeployment.Story, "the benchmark's deploy story, for the Python ops peer");
        var unit = await BenchUnit.StartAsync(charmDirectory, story, shim);
        await unit.PlayAsync(story);
        return unit;
    }
}
