namespace Charmarr.Ops.Pebble;

/// <summary>A health check in a layer or plan: exactly one of <see cref="Http"/>, <see cref="Tcp"/>, <see cref="Exec"/>.</summary>
public sealed record PebbleCheck
{
    /// <summary>How it combines with lower layers (required in a layer).</summary>
    public PebbleOverride? Override { get; init; }

    /// <summary>Its level (alive or ready), if any.</summary>
    public CheckLevel? Level { get; init; }

    /// <summary>Whether it runs as soon as it is in the plan (unset = enabled).</summary>
    public CheckStartup? Startup { get; init; }

    /// <summary>How often it runs (default 10s).</summary>
    public TimeSpan? Period { get; init; }

    /// <summary>How long one run may take (default 3s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Failures in a row that make it <c>down</c> (default 3).</summary>
    public int? Threshold { get; init; }

    /// <summary>An HTTP GET that must answer 2xx.</summary>
    public PebbleHttpCheck? Http { get; init; }

    /// <summary>A TCP port that must accept a connection.</summary>
    public PebbleTcpCheck? Tcp { get; init; }

    /// <summary>A command that must exit with 0.</summary>
    public PebbleExecCheck? Exec { get; init; }
}

/// <summary>An HTTP check.</summary>
public sealed record PebbleHttpCheck
{
    /// <summary>The URL to GET.</summary>
    public string? Url { get; init; }

    /// <summary>Request headers (merged per key).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>A TCP check.</summary>
public sealed record PebbleTcpCheck
{
    /// <summary>The port.</summary>
    public int? Port { get; init; }

    /// <summary>The host (default localhost).</summary>
    public string? Host { get; init; }
}

/// <summary>An exec check.</summary>
public sealed record PebbleExecCheck
{
    /// <summary>The command line, shell-quoted.</summary>
    public string? Command { get; init; }

    /// <summary>Run with this service's environment, user and working directory as defaults.</summary>
    public string? ServiceContext { get; init; }

    /// <summary>Environment variables (merged per key).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Run as this user.</summary>
    public string? User { get; init; }

    /// <summary>Run as this uid.</summary>
    public long? UserId { get; init; }

    /// <summary>Run as this group.</summary>
    public string? Group { get; init; }

    /// <summary>Run as this gid.</summary>
    public long? GroupId { get; init; }

    /// <summary>The working directory.</summary>
    public string? WorkingDir { get; init; }
}
