namespace Charmarr.Ops.Kubernetes;

/// <summary>The <c>type</c> of a Kubernetes <c>hostPath</c> volume: what must exist at the path on the node.</summary>
public enum HostPathType
{
    /// <summary>No check (the field is left out).</summary>
    Unset,

    /// <summary><c>DirectoryOrCreate</c>: a directory, created if missing.</summary>
    DirectoryOrCreate,

    /// <summary><c>Directory</c>: a directory that must exist, or the pod does not start.</summary>
    Directory,

    /// <summary><c>FileOrCreate</c>: a file, created if missing.</summary>
    FileOrCreate,

    /// <summary><c>File</c>: a file that must exist.</summary>
    File,

    /// <summary><c>Socket</c>: a unix socket that must exist.</summary>
    Socket,

    /// <summary><c>CharDevice</c>: a character device that must exist.</summary>
    CharDevice,

    /// <summary><c>BlockDevice</c>: a block device that must exist.</summary>
    BlockDevice,
}
