namespace Charmarr.Ops.Pebble;

/// <summary>A change: an operation Pebble carries out as tasks (start, stop, replan, exec, perform-check...).</summary>
public sealed record PebbleChange
{
    /// <summary>The change id (a decimal string).</summary>
    public required string Id { get; init; }

    /// <summary>The kind: <c>start</c>, <c>stop</c>, <c>restart</c>, <c>replan</c>, <c>autostart</c>, <c>exec</c>,
    /// <c>perform-check</c>, <c>recover-check</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>A human summary, e.g. <c>Start service "plex"</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>The status: <c>Do</c>, <c>Doing</c>, <c>Done</c>, <c>Abort</c>, <c>Undo</c>, <c>Undoing</c>,
    /// <c>Undone</c>, <c>Hold</c>, <c>Error</c>, <c>Wait</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Its tasks.</summary>
    public IReadOnlyList<PebbleTask> Tasks { get; init; } = [];

    /// <summary>True when the change has finished (Done, Undone, Hold or Error).</summary>
    public required bool Ready { get; init; }

    /// <summary>The error text when the change failed.</summary>
    public string? Err { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset SpawnTime { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? ReadyTime { get; init; }

    /// <summary>Extra data of the change, as JSON text per key.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}

/// <summary>One task of a change.</summary>
public sealed record PebbleTask
{
    /// <summary>The task id.</summary>
    public required string Id { get; init; }

    /// <summary>The kind: <c>start</c>, <c>stop</c>, <c>exec</c>, <c>perform-check</c>, <c>recover-check</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>A human summary.</summary>
    public required string Summary { get; init; }

    /// <summary>The status (same values as a change's).</summary>
    public required string Status { get; init; }

    /// <summary>Its log lines (<c>&lt;time&gt; INFO|ERROR &lt;message&gt;</c>; the last 10).</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Progress: label, done, total.</summary>
    public PebbleTaskProgress Progress { get; init; } = new(string.Empty, 0, 1);

    /// <summary>When it was created.</summary>
    public required DateTimeOffset SpawnTime { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? ReadyTime { get; init; }

    /// <summary>Extra data as JSON text per key; exec tasks carry <c>exit-code</c>.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}

/// <summary>A task's progress.</summary>
/// <param name="Label">What it is doing.</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all.</param>
public sealed record PebbleTaskProgress(string Label, int Done, int Total);
