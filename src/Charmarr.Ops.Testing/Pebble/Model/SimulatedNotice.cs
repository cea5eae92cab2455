namespace Charmarr.Ops.Testing.Pebble;

/// <summary>A snapshot of one notice, with the fields of Pebble's notice JSON.</summary>
/// <param name="Id">Decimal string id from the notice counter.</param>
/// <param name="UserId">Owner uid, or null for a public notice.</param>
/// <param name="Type"><c>custom</c>, <c>change-update</c> or <c>warning</c>.</param>
/// <param name="Key">The notice key (the change id for change-update notices).</param>
/// <param name="FirstOccurred">First occurrence.</param>
/// <param name="LastOccurred">Latest occurrence.</param>
/// <param name="LastRepeated">Latest occurrence that counted as a repeat (woke waiters).</param>
/// <param name="Occurrences">How many times it occurred.</param>
/// <param name="LastData">The data of the latest occurrence.</param>
/// <param name="RepeatAfter">Minimum time between repeats, if set.</param>
/// <param name="ExpireAfter">How long the notice lives after its last repeat (default 7 days).</param>
public sealed record SimulatedNotice(
    string Id,
    uint? UserId,
    string Type,
    string Key,
    DateTimeOffset FirstOccurred,
    DateTimeOffset LastOccurred,
    DateTimeOffset LastRepeated,
    int Occurrences,
    IReadOnlyDictionary<string, string> LastData,
    TimeSpan? RepeatAfter,
    TimeSpan? ExpireAfter);

/// <summary>Which notices a query returns (Pebble's <c>GET /v1/notices</c> filters).</summary>
public sealed record NoticeFilter
{
    /// <summary>Only notices of this owner (plus public ones are excluded); null = the requester (uid 0) and public ones.</summary>
    public uint? UserId { get; init; }

    /// <summary>True for <c>users=all</c>: every user's notices.</summary>
    public bool AllUsers { get; init; }

    /// <summary>Only these types, when non-empty.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Only these keys, when non-empty.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Only notices last repeated strictly after this time.</summary>
    public DateTimeOffset? After { get; init; }
}
