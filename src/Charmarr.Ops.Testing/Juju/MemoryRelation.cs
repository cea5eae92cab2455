namespace Charmarr.Ops.Testing.Juju;

/// <summary>One relation as the in-memory model holds it: the remote side's members and every databag.</summary>
internal sealed class MemoryRelation
{
    public MemoryRelation(int id, string endpoint, string remoteApp, bool isPeer, string localUnit, bool privateAddress = true)
    {
        Id = id;
        PrivateAddress = privateAddress;
        Endpoint = endpoint;
        RemoteApp = remoteApp;
        IsPeer = isPeer;
        LocalUnitBag = NewUnitBag(localUnit);
        RemoteAppBag = isPeer ? LocalAppBag : [];
    }

    public int Id { get; }

    public string Endpoint { get; }

    public string RemoteApp { get; }

    public bool IsPeer { get; }

    /// <summary>Remote units that have joined and not departed.</summary>
    public List<string> Members { get; } = [];

    /// <summary>Remote units' bags, kept after a unit departs so a departed hook can still read them.</summary>
    public Dictionary<string, Dictionary<string, string>> RemoteUnitBags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> LocalUnitBag { get; }

    public Dictionary<string, string> LocalAppBag { get; } = new(StringComparer.Ordinal);

    /// <summary>The remote application's bag; on a peer relation the same bag as <see cref="LocalAppBag"/>.</summary>
    public Dictionary<string, string> RemoteAppBag { get; }

    public string Label => $"{Endpoint}:{Id}";

    /// <summary>Whether unit bags get <c>private-address</c> (Juju 3.x); Juju 4 maintains only the ingress and egress keys.</summary>
    public bool PrivateAddress { get; }

    /// <summary>A unit bag pre-filled with the address keys Juju puts in every unit's bag.</summary>
    public Dictionary<string, string> NewUnitBag(string unit)
    {
        var number = int.Parse(unit[(unit.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var address = System.FormattableString.Invariant($"10.1.{Id % 250}.{(number % 240) + 10}");
        var bag = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["egress-subnets"] = address + "/32",
            ["ingress-address"] = address,
        };
        if (PrivateAddress)
        {
            bag["private-address"] = address;
        }

        return bag;
    }
}
