namespace Charmarr.Ops.Pebble;

/// <summary>Ownership and mode for a file or directory Pebble creates. Unset fields take Pebble's defaults
/// (root, and 0644 for files, 0755 for directories).</summary>
public abstract record PebbleFileAttributes
{
    /// <summary>The permission bits, e.g. <c>0b110_100_100</c> (0644); 0 to 0777.</summary>
    public int? Permissions { get; init; }

    /// <summary>The owner's uid.</summary>
    public long? UserId { get; init; }

    /// <summary>The owner's name (must agree with <see cref="UserId"/> when both are given).</summary>
    public string? User { get; init; }

    /// <summary>The group's gid (needs a user).</summary>
    public long? GroupId { get; init; }

    /// <summary>The group's name (needs a user; defaults to the user's primary group).</summary>
    public string? Group { get; init; }
}

/// <summary>How to push a file.</summary>
public sealed record PebblePushOptions : PebbleFileAttributes
{
    /// <summary>Create missing parent directories (mode 0755, owned like the file).</summary>
    public bool MakeDirs { get; init; }
}

/// <summary>How to make a directory.</summary>
public sealed record PebbleMakeDirOptions : PebbleFileAttributes
{
    /// <summary>Create missing parents too, and succeed when the directory already exists.</summary>
    public bool MakeParents { get; init; }
}
