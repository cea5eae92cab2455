namespace Charmarr.Ops.FakeJuju.Model;

/// Writes of transactional tools in the running hook; committed only if dispatch exits 0.
public sealed class PendingChanges
{
    /// Relation id → key → new value (null deletes).
    public Dictionary<int, Dictionary<string, string?>> UnitSettings { get; set; } = [];
    public Dictionary<int, Dictionary<string, string?>> AppSettings { get; set; } = [];

    /// Key → new value (null deletes).
    public Dictionary<string, string?> State { get; set; } = [];

    public List<PortChange> PortChanges { get; set; } = [];
    public List<StorageAddRequest> StorageAdds { get; set; } = [];

    public bool IsEmpty =>
        UnitSettings.Count == 0 && AppSettings.Count == 0 && State.Count == 0
        && PortChanges.Count == 0 && StorageAdds.Count == 0;

    public Dictionary<string, string> UnitBag(FakeRelation relation) =>
        Merge(relation.LocalUnitData, UnitSettings.GetValueOrDefault(relation.Id));

    public Dictionary<string, string> AppBag(FakeRelation relation) =>
        Merge(relation.LocalAppData, AppSettings.GetValueOrDefault(relation.Id));

    public Dictionary<string, string> EffectiveState(FakeModel model) => Merge(model.UnitState, State);

    public List<OpenedPort> EffectivePorts(FakeModel model)
    {
        var ports = new List<OpenedPort>(model.OpenedPorts);
        foreach (var change in PortChanges)
        {
            PortChange.Apply(ports, change);
        }
        return ports;
    }

    public void ApplyTo(FakeModel model)
    {
        foreach (var relation in model.Relations)
        {
            relation.LocalUnitData = UnitBag(relation);
            relation.LocalAppData = AppBag(relation);
        }
        model.UnitState = EffectiveState(model);
        model.OpenedPorts = EffectivePorts(model);
        foreach (var add in StorageAdds)
        {
            model.StorageAddRequests.Add(add);
            var existing = model.Storage.Keys.Count(k => k.StartsWith(add.Name + "/", StringComparison.Ordinal));
            for (var i = 0; i < add.Count; i++)
            {
                model.Storage[$"{add.Name}/{existing + i}"] = new FakeStorage("filesystem", $"/srv/{add.Name}/{existing + i}");
            }
        }
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> committed, Dictionary<string, string?>? changes)
    {
        var merged = new Dictionary<string, string>(committed, StringComparer.Ordinal);
        if (changes is null)
        {
            return merged;
        }
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }
        return merged;
    }
}

public sealed record PortChange(bool Open, OpenedPort Port)
{
    /// Opening an open port or closing a closed one is a no-op; a close with endpoint "" closes every endpoint.
    public static void Apply(List<OpenedPort> ports, PortChange change)
    {
        var port = change.Port;
        if (change.Open)
        {
            if (!ports.Contains(port))
            {
                ports.Add(port);
            }
            return;
        }
        ports.RemoveAll(p => p.Protocol == port.Protocol && p.From == port.From && p.To == port.To
            && (port.Endpoint.Length == 0 || p.Endpoint == port.Endpoint));
    }
}
