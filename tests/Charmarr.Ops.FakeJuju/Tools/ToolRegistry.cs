namespace Charmarr.Ops.FakeJuju.Tools;

/// Every hook tool the fake implements, by name.
internal static class ToolRegistry
{
    private static readonly Dictionary<string, Func<HookTool>> Factories = new(StringComparer.Ordinal)
    {
        ["is-leader"] = () => new IsLeaderTool(),
        ["config-get"] = () => new ConfigGetTool(),
        ["relation-ids"] = () => new RelationIdsTool(),
        ["relation-list"] = () => new RelationListTool(),
        ["relation-get"] = () => new RelationGetTool(),
        ["relation-set"] = () => new RelationSetTool(),
        ["relation-model-get"] = () => new RelationModelGetTool(),
        ["status-get"] = () => new StatusGetTool(),
        ["status-set"] = () => new StatusSetTool(),
        ["application-version-set"] = () => new ApplicationVersionSetTool(),
        ["goal-state"] = () => new GoalStateTool(),
        ["action-get"] = () => new ActionGetTool(),
        ["action-set"] = () => new ActionSetTool(),
        ["action-fail"] = () => new ActionFailTool(),
        ["action-log"] = () => new ActionLogTool(),
        ["juju-log"] = () => new JujuLogTool(),
        ["state-get"] = () => new StateGetTool(),
        ["state-set"] = () => new StateSetTool(),
        ["state-delete"] = () => new StateDeleteTool(),
        ["open-port"] = () => new PortChangeTool(open: true),
        ["close-port"] = () => new PortChangeTool(open: false),
        ["opened-ports"] = () => new OpenedPortsTool(),
        ["storage-list"] = () => new StorageListTool(),
        ["storage-get"] = () => new StorageGetTool(),
        ["storage-add"] = () => new StorageAddTool(),
        ["network-get"] = () => new NetworkGetTool(),
        ["resource-get"] = () => new ResourceGetTool(),
        ["leader-get"] = () => new LeaderGetTool(),
        ["leader-set"] = () => new LeaderSetTool(),
    };

    /// The tools Juju 4.0 removed.
    public static IReadOnlyList<string> RemovedInJuju4 { get; } = ["leader-get", "leader-set"];

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// The tools the unit agent of Juju <paramref name="juju"/> offers.
    public static IReadOnlyCollection<string> NamesFor(Charmarr.Ops.Context.JujuVersion juju) =>
        juju.HasLeaderSettings ? Names : [.. Names.Where(n => !RemovedInJuju4.Contains(n))];

    public static HookTool? Create(string name, Charmarr.Ops.Context.JujuVersion juju) =>
        NamesFor(juju).Contains(name) && Factories.TryGetValue(name, out var factory) ? factory() : null;
}
