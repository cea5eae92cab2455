namespace Charmarr.Ops.Testing.Pebble;

/// <summary>A file or directory as <c>GET /v1/files?action=list</c> reports it.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Name">Base name.</param>
/// <param name="Type"><c>file</c> or <c>directory</c>.</param>
/// <param name="Size">Size in bytes, for regular files only.</param>
/// <param name="Permissions">Permission bits (e.g. 0b110_100_100).</param>
/// <param name="LastModified">Modification time.</param>
/// <param name="UserId">Owner uid.</param>
/// <param name="User">Owner name, empty when the uid has no passwd entry.</param>
/// <param name="GroupId">Group gid.</param>
/// <param name="Group">Group name, empty when the gid has no group entry.</param>
public sealed record SimulatedFileInfo(
    string Path, string Name, string Type, long? Size, int Permissions, DateTimeOffset LastModified,
    int UserId, string User, int GroupId, string Group);

/// <summary>Ownership and mode of a file or directory being created; null fields take Pebble's defaults.</summary>
public sealed record FileCreation
{
    /// <summary>Permission bits; default 0b110_100_100 for files, 0b111_101_101 for directories.</summary>
    public int? Permissions { get; init; }

    /// <summary>Owner uid.</summary>
    public int? UserId { get; init; }

    /// <summary>Owner name (must exist in the simulator's user table).</summary>
    public string? User { get; init; }

    /// <summary>Group gid.</summary>
    public int? GroupId { get; init; }

    /// <summary>Group name.</summary>
    public string? Group { get; init; }

    /// <summary>Create missing parent directories (push's <c>make-dirs</c>, make-dir's <c>make-parents</c>).</summary>
    public bool MakeParents { get; init; }
}
