namespace Charmarr.Ops.Testing.Scenario;

/// <summary>A relation of this unit, as it is before or after an event: its id and the databags this unit can see.</summary>
/// <param name="Endpoint">This charm's endpoint.</param>
public abstract record RelationBase(string Endpoint)
{
    private static int lastId;

    /// <summary>The relation id; a fresh one, unique in the test run, unless given.</summary>
    public int Id { get; init; } = Interlocked.Increment(ref lastId);

    /// <summary>This application's databag.</summary>
    public ValueMap<string, string> LocalAppData { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>This unit's databag.</summary>
    public ValueMap<string, string> LocalUnitData { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>Units with empty databags, for <see cref="RelationState.RemoteUnitsData"/> or
    /// <see cref="PeerRelationState.PeersData"/>: <c>RemoteUnitsData = RelationBase.Units(0, 1)</c>.</summary>
    /// <param name="units">The unit numbers.</param>
    /// <returns>The units, each with an empty bag.</returns>
    public static ValueMap<int, ValueMap<string, string>> Units(params int[] units) =>
        new((units ?? []).Select(u => KeyValuePair.Create(u, ValueMap<string, string>.Empty)));

    /// <summary>The remote units by unit number, with their databags.</summary>
    internal abstract ValueMap<int, ValueMap<string, string>> RemoteUnits { get; }

    /// <summary>The remote application's name.</summary>
    internal abstract string RemoteApp(string ownApp);
}

/// <summary>A relation to another application.</summary>
/// <param name="Endpoint">This charm's endpoint (requires or provides).</param>
public sealed record RelationState(string Endpoint) : RelationBase(Endpoint)
{
    /// <summary>The remote application.</summary>
    public string RemoteAppName { get; init; } = "remote";

    /// <summary>The remote application's databag.</summary>
    public ValueMap<string, string> RemoteAppData { get; init; } = ValueMap<string, string>.Empty;

    /// <summary>The remote units that have joined, by unit number (<c>&lt;remote&gt;/&lt;n&gt;</c>), with their databags; one unit 0 by default.</summary>
    public ValueMap<int, ValueMap<string, string>> RemoteUnitsData { get; init; } =
        new([KeyValuePair.Create(0, ValueMap<string, string>.Empty)]);

    internal override ValueMap<int, ValueMap<string, string>> RemoteUnits => RemoteUnitsData;

    /// <summary>This relation with one more remote unit (or that unit's bag replaced).</summary>
    /// <param name="unit">The unit number.</param>
    /// <param name="data">Its databag; empty when <see langword="null"/>.</param>
    /// <returns>The relation.</returns>
    public RelationState WithRemoteUnit(int unit, ValueMap<string, string>? data = null) =>
        this with { RemoteUnitsData = RemoteUnitsData.With(unit, data ?? ValueMap<string, string>.Empty) };

    internal override string RemoteApp(string ownApp) => RemoteAppName;
}

/// <summary>A peer relation: the other units of this application; the application bag is shared.</summary>
/// <param name="Endpoint">The peer endpoint.</param>
public sealed record PeerRelationState(string Endpoint) : RelationBase(Endpoint)
{
    /// <summary>The other units, by unit number, with their databags (this unit is not one of them).</summary>
    public ValueMap<int, ValueMap<string, string>> PeersData { get; init; } = ValueMap<int, ValueMap<string, string>>.Empty;

    internal override ValueMap<int, ValueMap<string, string>> RemoteUnits => PeersData;

    /// <summary>This relation with one more peer (or that peer's bag replaced).</summary>
    /// <param name="unit">The peer's unit number.</param>
    /// <param name="data">Its databag; empty when <see langword="null"/>.</param>
    /// <returns>The relation.</returns>
    public PeerRelationState WithPeer(int unit, ValueMap<string, string>? data = null) =>
        this with { PeersData = PeersData.With(unit, data ?? ValueMap<string, string>.Empty) };

    internal override string RemoteApp(string ownApp) => ownApp;
}
