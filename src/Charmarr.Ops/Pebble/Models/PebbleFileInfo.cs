namespace Charmarr.Ops.Pebble;

/// <summary>A file or directory as <c>GET /v1/files?action=list</c> reports it.</summary>
public sealed record PebbleFileInfo
{
    /// <summary>The absolute path.</summary>
    public required string Path { get; init; }

    /// <summary>The base name.</summary>
    public required string Name { get; init; }

    /// <summary>The type.</summary>
    public required PebbleFileType Type { get; init; }

    /// <summary>The size in bytes, for regular files only.</summary>
    public long? Size { get; init; }

    /// <summary>The permission bits, e.g. <c>0o644</c> = 420.</summary>
    public required int Permissions { get; init; }

    /// <summary>When it was last modified (seconds precision).</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The owner's uid, when known.</summary>
    public long? UserId { get; init; }

    /// <summary>The owner's name; empty when the uid has no name.</summary>
    public string User { get; init; } = string.Empty;

    /// <summary>The group's gid, when known.</summary>
    public long? GroupId { get; init; }

    /// <summary>The group's name; empty when the gid has no name.</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>True for a directory.</summary>
    public bool IsDirectory => Type == PebbleFileType.Directory;
}
