namespace Charmarr.Ops.Pebble;

/// <summary>A notice: an aggregated occurrence of something (a custom event, a change update, a warning).</summary>
public sealed record PebbleNotice
{
    /// <summary>The notice id.</summary>
    public required string Id { get; init; }

    /// <summary>The uid that owns it; null for a public notice.</summary>
    public long? UserId { get; init; }

    /// <summary>The type.</summary>
    public required NoticeType Type { get; init; }

    /// <summary>The key (for custom notices <c>example.com/path</c>; a change id for change updates).</summary>
    public required string Key { get; init; }

    /// <summary>When it first occurred.</summary>
    public required DateTimeOffset FirstOccurred { get; init; }

    /// <summary>When it last occurred.</summary>
    public required DateTimeOffset LastOccurred { get; init; }

    /// <summary>When it last repeated (an occurrence that woke waiters).</summary>
    public required DateTimeOffset LastRepeated { get; init; }

    /// <summary>How many times it occurred.</summary>
    public required int Occurrences { get; init; }

    /// <summary>The data of the last occurrence.</summary>
    public IReadOnlyDictionary<string, string> LastData { get; init; } = new Dictionary<string, string>();

    /// <summary>Occurrences closer together than this do not repeat it.</summary>
    public TimeSpan? RepeatAfter { get; init; }

    /// <summary>It is dropped this long after its last occurrence.</summary>
    public TimeSpan? ExpireAfter { get; init; }
}

/// <summary>Filters for listing notices; unset fields do not filter.</summary>
public sealed record PebbleNoticesQuery
{
    /// <summary>Only notices of these types.</summary>
    public IReadOnlyList<NoticeType>? Types { get; init; }

    /// <summary>Only notices with these keys.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Notices of this uid (admin only) instead of the caller's and public ones.</summary>
    public long? UserId { get; init; }

    /// <summary>Notices of every user (admin only); cannot be combined with <see cref="UserId"/>.</summary>
    public bool AllUsers { get; init; }

    /// <summary>Only notices repeated strictly after this time.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Wait up to this long for at least one matching notice.</summary>
    public TimeSpan? Timeout { get; init; }
}
