namespace Charmarr.Ops.Testing.Pebble;

/// <summary>A snapshot of one change of the simulated Pebble, with the fields of Pebble's change JSON.</summary>
/// <param name="Id">Decimal string id from the change counter.</param>
/// <param name="Kind">e.g. <c>start</c>, <c>replan</c>, <c>exec</c>, <c>perform-check</c>.</param>
/// <param name="Summary">e.g. <c>Start service "web"</c>.</param>
/// <param name="Status">e.g. <c>Do</c>, <c>Doing</c>, <c>Done</c>, <c>Error</c>, <c>Hold</c>.</param>
/// <param name="Tasks">The change's tasks, in creation order.</param>
/// <param name="Ready">True when the status is Done, Undone, Hold or Error.</param>
/// <param name="Err">Pebble's error text when the status is Error, else null.</param>
/// <param name="SpawnTime">When the change was made.</param>
/// <param name="ReadyTime">When it became ready, else null.</param>
/// <param name="ServiceNames">The services a services change was made for (its <c>service-names</c>).</param>
public sealed record SimulatedChange(
    string Id,
    string Kind,
    string Summary,
    string Status,
    IReadOnlyList<SimulatedTask> Tasks,
    bool Ready,
    string? Err,
    DateTimeOffset SpawnTime,
    DateTimeOffset? ReadyTime,
    IReadOnlyList<string> ServiceNames);

/// <summary>A snapshot of one task of a change.</summary>
/// <param name="Id">Decimal string id from the task counter.</param>
/// <param name="Kind">e.g. <c>start</c>, <c>stop</c>, <c>exec</c>.</param>
/// <param name="Summary">e.g. <c>Start service "web"</c>.</param>
/// <param name="Status">The task status.</param>
/// <param name="Log">Log lines, each <c>"&lt;RFC3339&gt; INFO|ERROR &lt;message&gt;"</c>; the last 10 are kept.</param>
/// <param name="ProgressDone">Progress done (0 while Do, else 1).</param>
/// <param name="ProgressTotal">Progress total (1).</param>
/// <param name="SpawnTime">When the task was made.</param>
/// <param name="ReadyTime">When it finished, else null.</param>
/// <param name="ExitCode">For exec tasks, the exit code once known (the task's <c>data["exit-code"]</c>).</param>
public sealed record SimulatedTask(
    string Id,
    string Kind,
    string Summary,
    string Status,
    IReadOnlyList<string> Log,
    int ProgressDone,
    int ProgressTotal,
    DateTimeOffset SpawnTime,
    DateTimeOffset? ReadyTime,
    int? ExitCode);
