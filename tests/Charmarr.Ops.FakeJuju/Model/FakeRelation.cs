namespace Charmarr.Ops.FakeJuju.Model;

public sealed class FakeRelation
{
    public int Id { get; set; }
    public string Endpoint { get; set; } = "";
    public string RemoteApp { get; set; } = "";
    public string RemoteModelUuid { get; set; } = "";
    public bool IsPeer { get; set; }

    /// Remote member units (joined, not departed).
    public List<string> RemoteUnits { get; set; } = [];

    public Dictionary<string, string> LocalUnitData { get; set; } = [];

    /// This application's bag; on a peer relation it is also the "remote" app bag.
    public Dictionary<string, string> LocalAppData { get; set; } = [];

    public Dictionary<string, Dictionary<string, string>> RemoteUnitData { get; set; } = [];
    public Dictionary<string, string> RemoteAppData { get; set; } = [];

    public string FakeId => $"{Endpoint}:{Id}";

    /// Whether joining units' bags get private-address (Juju 3.x; Juju 4 keeps only ingress-address and egress-subnets).
    public bool PrivateAddress { get; set; } = true;

    public FakeRelation AddRemoteUnit(string unit, string? address = null)
    {
        if (!RemoteUnits.Contains(unit))
        {
            RemoteUnits.Add(unit);
        }
        if (!RemoteUnitData.ContainsKey(unit))
        {
            var ip = address ?? $"10.1.{Id % 250}.{RemoteUnits.Count + 10}";
            RemoteUnitData[unit] = new Dictionary<string, string>
            {
                ["egress-subnets"] = ip + "/32",
                ["ingress-address"] = ip,
            };
            if (PrivateAddress)
            {
                RemoteUnitData[unit]["private-address"] = ip;
            }
        }
        return this;
    }

    public FakeRelation RemoveRemoteUnit(string unit)
    {
        RemoteUnits.Remove(unit);
        return this;
    }

    public FakeRelation SetRemoteUnitData(string unit, string key, string value)
    {
        AddRemoteUnit(unit);
        RemoteUnitData[unit][key] = value;
        return this;
    }

    public FakeRelation SetRemoteAppData(string key, string value)
    {
        RemoteAppData[key] = value;
        return this;
    }
}
