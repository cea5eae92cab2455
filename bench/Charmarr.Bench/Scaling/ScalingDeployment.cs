using System.Globalization;
using Charmarr.Bench.Hooks;
using Charmarr.Cli.Simulation;

namespace Charmarr.Bench.Scaling;

/// <summary>
/// An emulated unit of the bench's scaling charm (bench/ScalingCharm): leader, installed, its <c>members</c> endpoint
/// related to <c>bench-peer</c>. Remote units join, each with a bag, as the bench asks for more.
/// </summary>
internal static class ScalingDeployment
{
    public const string Endpoint = "members";
    public const string RemoteApp = "bench-peer";

    /// <summary>The remote-unit counts measured (issue 20 item 4).</summary>
    public static IReadOnlyList<int> RemoteUnits { get; } = [1, 10, 100, 200];

    /// <summary>The sizes measured, in KiB of each of the two keys (stored state, deferred events): up to near Juju's 64 KiB per key.</summary>
    public static IReadOnlyList<int> StoredKiB { get; } = [1, 16, 32, 60];

    private const string Story = $$"""
        leader: true
        steps:
          - event: install
          - event: leader-elected
          - event: config-changed
          - event: start
          - relate: {endpoint: {{Endpoint}}, app: {{RemoteApp}}, units: [{{RemoteApp}}/0]}
        """;

    /// <summary>members-relation-changed from the first remote unit: its handler reads every remote unit's bag.</summary>
    public static HookEvent MembersChanged { get; } =
        new($"{Endpoint}-relation-changed", $"event: {{hook: {Endpoint}-relation-changed, relation: {Endpoint}, unit: {RemoteApp}/0}}");

    /// <summary>update-status: re-emits (and re-defers) every deferred tick, then rewrites the stored state.</summary>
    public static HookEvent UpdateStatus { get; } = new("update-status", "event: update-status");

    public static async Task<BenchUnit> StartAsync(string charmDirectory, string shim)
    {
        var story = ScenarioReader.Parse(Story, "the benchmark's scaling charm deploy story");
        var unit = await BenchUnit.StartAsync(charmDirectory, story, shim);
        await unit.PlayAsync(story);
        return unit;
    }

    /// <summary>Brings the relation to <paramref name="count"/> remote units, each bag holding a value besides Juju's own keys.</summary>
    public static void JoinRemoteUnits(BenchUnit unit, int count)
    {
        var backend = unit.Unit.Backend;
        var relation = backend.RelationIdsOf(Endpoint).Single();
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{RemoteApp}/{i}");
            var address = string.Create(CultureInfo.InvariantCulture, $"10.1.{i / 250}.{i % 250 + 1}");
            backend.SetRemoteUnitData(relation, name, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ingress-address"] = address,
                ["egress-subnets"] = address + "/32",
                ["value"] = string.Create(CultureInfo.InvariantCulture, $"{{\"unit\":{i},\"endpoint\":\"http://{address}:8080\"}}"),
            });
        }
    }

    /// <summary>The grow action: the stored payload to <paramref name="stateBytes"/> bytes, <paramref name="deferred"/> ticks deferred.</summary>
    public static HookEvent Grow(int stateBytes, int deferred) =>
        new("grow (action)", string.Create(CultureInfo.InvariantCulture, $"action: {{name: grow, params: {{state-bytes: {stateBytes}, deferred: {deferred}}}}}"));
}
