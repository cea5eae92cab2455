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

    /// <summary>Compares every field, nested checks by content.</summary>
    /// <param name="other">The other check.</param>
    /// <returns>True when they configure the same check.</returns>
    public bool Equals(PebbleCheck? other) =>
        other is not null
        && Override == other.Override
        && Level == other.Level
        && Startup == other.Startup
        && Period == other.Period
        && Timeout == other.Timeout
        && Threshold == other.Threshold
        && Equals(Http, other.Http)
        && Equals(Tcp, other.Tcp)
        && Equals(Exec, other.Exec);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Override, Level, Startup, Period, Timeout, Threshold, Http, HashCode.Combine(Tcp, Exec));
}

/// <summary>An HTTP check.</summary>
public sealed record PebbleHttpCheck
{
    /// <summary>The URL to GET.</summary>
    public string? Url { get; init; }

    /// <summary>Request headers (merged per key).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Compares the URL and the headers by content.</summary>
    /// <param name="other">The other HTTP check.</param>
    /// <returns>True when they are the same.</returns>
    public bool Equals(PebbleHttpCheck? other) =>
        other is not null && Url == other.Url && LayerEquality.Maps(Headers, other.Headers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Url, LayerEquality.Count(Headers));
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

    /// <summary>Compares every field, the environment by content.</summary>
    /// <param name="other">The other exec check.</param>
    /// <returns>True when they are the same.</returns>
    public bool Equals(PebbleExecCheck? other) =>
        other is not null
        && Command == other.Command
        && ServiceContext == other.ServiceContext
        && LayerEquality.Maps(Environment, other.Environment)
        && User == other.User
        && UserId == other.UserId
        && Group == other.Group
        && GroupId == other.GroupId
        && WorkingDir == other.WorkingDir;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Command, ServiceContext, LayerEquality.Count(Environment), User, UserId, Group, GroupId, WorkingDir);
}
