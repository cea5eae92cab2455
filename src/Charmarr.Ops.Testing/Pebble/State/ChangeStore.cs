using System.Globalization;

namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>
/// Changes and tasks with their own id counters; every new change and status transition (except Do↔Doing and
/// Undo↔Undoing flips) records a public change-update notice (§1.6, §7.7). Callers hold the simulator's lock.
/// </summary>
internal sealed class ChangeStore(TimeProvider time, NoticeStore notices)
{
    private readonly Dictionary<string, ChangeEntity> changes = new(StringComparer.Ordinal);
    private int lastChangeId;
    private int lastTaskId;

    public DateTimeOffset Now => time.GetUtcNow();

    public IEnumerable<ChangeEntity> All => changes.Values;

    public ChangeEntity? Find(string id) => changes.GetValueOrDefault(id);

    public ChangeEntity New(string kind, string summary, IReadOnlyList<string>? serviceNames = null, IReadOnlyDictionary<string, string>? noticeData = null)
    {
        lastChangeId++;
        var change = new ChangeEntity(lastChangeId.ToString(CultureInfo.InvariantCulture), kind, summary, Now)
        {
            ServiceNames = serviceNames ?? [],
            NoticeData = noticeData ?? new Dictionary<string, string>(),
        };
        changes[change.Id] = change;
        Announce(change);
        return change;
    }

    public TaskEntity AddTask(ChangeEntity change, string kind, string summary)
    {
        lastTaskId++;
        var task = new TaskEntity(lastTaskId.ToString(CultureInfo.InvariantCulture), change, kind, summary, Now);
        change.Tasks.Add(task);
        Update(change);
        return task;
    }

    public void SetTaskStatus(TaskEntity task, string status)
    {
        task.Status = status;
        if (ChangeEntity.IsReadyStatus(status))
        {
            task.ReadyTime ??= Now;
        }

        Update(task.Change);
    }

    /// <summary>Fails a task: logs the error (which becomes the change's <c>err</c>) and sets it to Error.</summary>
    public void FailTask(TaskEntity task, string message)
    {
        task.AddLog(Now, "ERROR", message);
        SetTaskStatus(task, "Error");
    }

    public void SetChangeStatus(ChangeEntity change, string status)
    {
        change.ExplicitStatus = status;
        Update(change);
    }

    /// <summary>Aborts a change as <c>POST /v1/changes/{id}</c> does: pending tasks hold, running tasks abort.</summary>
    public void Abort(ChangeEntity change)
    {
        foreach (var task in change.Tasks.Where(t => !ChangeEntity.IsReadyStatus(t.Status)).ToList())
        {
            if (task.Status == "Doing" && task.OnAbort is { } onAbort)
            {
                // Work that must wind down first (an exec's handler) settles the task itself.
                SetTaskStatus(task, "Abort");
                onAbort();
            }
            else if (task.Status == "Doing")
            {
                SetTaskStatus(task, "Undone");
            }
            else
            {
                SetTaskStatus(task, "Hold");
            }
        }
    }

    private void Update(ChangeEntity change)
    {
        var status = change.Status;
        if (status == change.AnnouncedStatus)
        {
            return;
        }

        var flip = (change.AnnouncedStatus, status) is ("Do", "Doing") or ("Doing", "Do") or ("Undo", "Undoing") or ("Undoing", "Undo");
        if (!flip)
        {
            // An errored change is undone before it settles in Error, which Pebble announces too (§7.7: 4 occurrences).
            if (status == "Error" && change.AnnouncedStatus is not ("Undoing" or "Undo" or ""))
            {
                Announce(change);
            }

            Announce(change);
        }

        change.AnnouncedStatus = status;
        if (ChangeEntity.IsReadyStatus(status) && change.ReadyTime is null)
        {
            change.ReadyTime = Now;
            change.ReadySignal.TrySetResult();
        }
    }

    private void Announce(ChangeEntity change)
    {
        var data = new Dictionary<string, string>(change.NoticeData) { ["kind"] = change.Kind };
        notices.Add(null, "change-update", change.Id, data, null);
        change.AnnouncedStatus = change.Status;
    }
}
