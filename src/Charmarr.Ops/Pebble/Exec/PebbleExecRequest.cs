namespace Charmarr.Ops.Pebble;

/// <summary>A command to run in the workload container with <c>POST /v1/exec</c>.</summary>
/// <param name="Command">The program and its arguments (no shell).</param>
public sealed record PebbleExecRequest(IReadOnlyList<string> Command)
{
    /// <summary>Run with this service's environment, user, group and working directory as defaults.</summary>
    public string? ServiceContext { get; init; }

    /// <summary>Environment variables (over the service context's).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The working directory (default: the user's home, else <c>/</c>).</summary>
    public string? WorkingDir { get; init; }

    /// <summary>Kill the command after this long; the wait then fails with a change error.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Run as this uid.</summary>
    public long? UserId { get; init; }

    /// <summary>Run as this user.</summary>
    public string? User { get; init; }

    /// <summary>Run as this gid.</summary>
    public long? GroupId { get; init; }

    /// <summary>Run as this group.</summary>
    public string? Group { get; init; }

    /// <summary>Send standard error into standard output instead of a separate stream.</summary>
    public bool CombineStderr { get; init; }
}
