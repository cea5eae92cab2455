namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>The mutable state of one change; snapshots are <see cref="SimulatedChange"/>.</summary>
internal sealed class ChangeEntity(string id, string kind, string summary, DateTimeOffset spawnTime)
{
    private static readonly string[] StatusPrecedence =
        ["Abort", "Undoing", "Undo", "Doing", "Do", "Wait", "Error", "Undone", "Done", "Hold"];

    public string Id { get; } = id;
    public string Kind { get; } = kind;
    public string Summary { get; } = summary;
    public DateTimeOffset SpawnTime { get; } = spawnTime;
    public DateTimeOffset? ReadyTime { get; set; }
    public List<TaskEntity> Tasks { get; } = [];
    public string? ExplicitStatus { get; set; }
    public IReadOnlyList<string> ServiceNames { get; init; } = [];

    /// <summary>Extra data of the change-update notices (<c>check-name</c> for check changes).</summary>
    public IReadOnlyDictionary<string, string> NoticeData { get; init; } = new Dictionary<string, string>();

    /// <summary>The status last announced with a change-update notice.</summary>
    public string AnnouncedStatus { get; set; } = "";

    public TaskCompletionSource ReadySignal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Status
    {
        get
        {
            if (ExplicitStatus is { } status)
            {
                return status;
            }

            if (Tasks.Count == 0)
            {
                return "Hold";
            }

            var present = Tasks.Select(t => t.Status).ToHashSet();
            if (present.Contains("Wait") && !present.Contains("Do") && !present.Contains("Doing"))
            {
                return "Wait";
            }

            return StatusPrecedence.Where(s => s != "Wait").First(present.Contains);
        }
    }

    public static bool IsReadyStatus(string status) => status is "Done" or "Undone" or "Hold" or "Error";

    /// <summary>Pebble's change error text: one line per ERROR log line of the tasks.</summary>
    public string? Err
    {
        get
        {
            if (Status != "Error")
            {
                return null;
            }

            var lines = Tasks.SelectMany(t => t.ErrorMessages.Select(m => $"- {t.Summary} ({m})")).ToList();
            return lines.Count == 0 ? null : "cannot perform the following tasks:\n" + string.Join("\n", lines);
        }
    }

    public SimulatedChange Snapshot() =>
        new(Id, Kind, Summary, Status, Tasks.Select(t => t.Snapshot()).ToList(), IsReadyStatus(Status), Err, SpawnTime, ReadyTime, ServiceNames);
}

/// <summary>The mutable state of one task.</summary>
internal sealed class TaskEntity(string id, ChangeEntity change, string kind, string summary, DateTimeOffset spawnTime)
{
    private const int KeptLogLines = 10;

    public string Id { get; } = id;
    public ChangeEntity Change { get; } = change;
    public string Kind { get; } = kind;
    public string Summary { get; } = summary;
    public string Status { get; set; } = "Do";
    public DateTimeOffset SpawnTime { get; } = spawnTime;
    public DateTimeOffset? ReadyTime { get; set; }
    public List<string> Log { get; } = [];
    public List<string> ErrorMessages { get; } = [];
    public int? ExitCode { get; set; }

    /// <summary>The service a start or stop task acts on.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Runs when the change is aborted while this task is in progress (exec: cancel the handler).</summary>
    public Action? OnAbort { get; set; }

    public void AddLog(DateTimeOffset now, string level, string message)
    {
        Log.Add($"{Json.GoText.Rfc3339(now)} {level} {message}");
        if (Log.Count > KeptLogLines)
        {
            Log.RemoveAt(0);
        }

        if (level == "ERROR")
        {
            ErrorMessages.Add(message);
        }
    }

    public SimulatedTask Snapshot() =>
        new(Id, Kind, Summary, Status, [.. Log], Status == "Do" ? 0 : 1, 1, SpawnTime, ReadyTime, ExitCode);
}
