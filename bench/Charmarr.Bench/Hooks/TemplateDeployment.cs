using Charmarr.Ops.Metadata;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Hooks;

/// <summary>
/// An emulated unit of a charm made from the charmarr-charm template, brought to active as its simulate.yaml does
/// (leader, install, config-changed, pebble-ready of each container), with the events that charm has: config-changed,
/// update-status, each container's pebble-ready, its first action and, only when its metadata declares one, its first
/// relation's relation-changed. The events come from the packed charm's metadata, so none is invented.
/// </summary>
internal static class TemplateDeployment
{
    private const string RemoteApp = "bench-remote";

    public static async Task<BenchUnit> StartAsync(string charmDirectory, string shim)
    {
        var metadata = CharmMetadata.Load(charmDirectory);
        var steps = new List<string> { "event: install", "event: leader-elected", "event: config-changed", "event: start" };
        steps.AddRange(metadata.Containers.Keys.Select(c => $"pebble-ready: {c}"));
        if (FirstRelation(metadata) is { } relation)
        {
            steps.Add(relation.IsPeer ? $"relate: {{endpoint: {relation.Name}}}" : $"relate: {{endpoint: {relation.Name}, app: {RemoteApp}, units: [{RemoteApp}/0]}}");
        }

        var story = ScenarioReader.Parse("leader: true\nsteps:\n" + string.Concat(steps.Select(s => $"  - {s}\n")), "the benchmark's template charm deploy story");
        var unit = await BenchUnit.StartAsync(charmDirectory, story, shim);
        await unit.PlayAsync(story);
        return unit;
    }

    /// <summary>The events measured, from the charm's metadata.</summary>
    public static IReadOnlyList<HookEvent> Events(string charmDirectory)
    {
        var metadata = CharmMetadata.Load(charmDirectory);
        var events = new List<HookEvent> { new("config-changed", "event: config-changed"), new("update-status", "event: update-status") };
        if (FirstRelation(metadata) is { } relation)
        {
            var hook = $"{relation.Name}-relation-changed";
            events.Add(relation.IsPeer
                ? new HookEvent(hook, $"event: {{hook: {hook}, relation: {relation.Name}}}")
                : new HookEvent(hook, $"event: {{hook: {hook}, relation: {relation.Name}, unit: {RemoteApp}/0}}"));
        }

        events.AddRange(metadata.Containers.Keys.Select(c => new HookEvent($"{c}-pebble-ready", $"pebble-ready: {c}")));
        if (metadata.Actions.Keys.FirstOrDefault() is { } action)
        {
            events.Add(new HookEvent($"{action} (action)", $"action: {{name: {action}}}"));
        }

        return events;
    }

    private static (string Name, bool IsPeer)? FirstRelation(CharmMetadata metadata) =>
        metadata.Relations.Values.Select(r => ((string Name, bool IsPeer)?)(r.Name, r.Role == RelationRole.Peer)).FirstOrDefault();
}
