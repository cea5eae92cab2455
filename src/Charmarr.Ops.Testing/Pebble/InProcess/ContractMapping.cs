using System.Globalization;
using Charmarr.Ops.Pebble;
using Charmarr.Ops.Testing.Pebble.Server;

namespace Charmarr.Ops.Testing.Pebble.InProcess;

/// <summary>From the simulator's snapshots and errors to the client contract's records and exceptions.</summary>
internal static class ContractMapping
{
    public static PebbleChange Change(SimulatedChange change) => new()
    {
        Id = change.Id,
        Kind = change.Kind,
        Summary = change.Summary,
        Status = change.Status,
        Tasks = change.Tasks.Select(Task).ToList(),
        Ready = change.Ready,
        Err = change.Err,
        SpawnTime = change.SpawnTime,
        ReadyTime = change.ReadyTime,
    };

    private static PebbleTask Task(SimulatedTask task) => new()
    {
        Id = task.Id,
        Kind = task.Kind,
        Summary = task.Summary,
        Status = task.Status,
        Log = task.Log,
        Progress = new PebbleTaskProgress("", task.ProgressDone, task.ProgressTotal),
        SpawnTime = task.SpawnTime,
        ReadyTime = task.ReadyTime,
        Data = task.ExitCode is { } code
            ? new Dictionary<string, string> { ["exit-code"] = code.ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>(),
    };

    public static PebbleServiceInfo Service(SimulatedServiceInfo s) =>
        new(s.Name, new ServiceStartup(s.Startup), new ServiceStatus(s.Current), s.CurrentSince);

    public static PebbleCheckInfo Check(SimulatedCheckInfo c) => new(
        c.Name, new CheckLevel(c.Level), new CheckStartup(c.Startup), new CheckStatus(c.Status), c.Failures, c.Threshold, c.Successes, c.ChangeId);

    public static PebbleFileInfo File(SimulatedFileInfo f) => new()
    {
        Path = f.Path,
        Name = f.Name,
        Type = new PebbleFileType(f.Type),
        Size = f.Size,
        Permissions = f.Permissions,
        LastModified = f.LastModified,
        UserId = f.UserId,
        User = f.User,
        GroupId = f.GroupId,
        Group = f.Group,
    };

    public static PebbleNotice Notice(SimulatedNotice n) => new()
    {
        Id = n.Id,
        UserId = n.UserId,
        Type = new NoticeType(n.Type),
        Key = n.Key,
        FirstOccurred = n.FirstOccurred,
        LastOccurred = n.LastOccurred,
        LastRepeated = n.LastRepeated,
        Occurrences = n.Occurrences,
        LastData = n.LastData,
        RepeatAfter = n.RepeatAfter,
        ExpireAfter = n.ExpireAfter,
    };

    public static PebbleLogEntry Log(SimulatedLogEntry e) => new(e.Time, e.Service, e.Message);

    public static FileCreation Creation(PebbleFileAttributes? attributes, bool makeParents) => new()
    {
        Permissions = attributes?.Permissions,
        UserId = attributes?.UserId is { } uid ? checked((int)uid) : null,
        User = attributes?.User,
        GroupId = attributes?.GroupId is { } gid ? checked((int)gid) : null,
        Group = attributes?.Group,
        MakeParents = makeParents,
    };

    public static PebbleApiException Api(string operation, SimulatedPebbleException error) =>
        new(operation, error.StatusCode, Envelope.StatusText(error.StatusCode), error.Kind, error.Message);

    /// <summary>A per-path file error (push, pull, make-dir, remove); other failures stay API errors.</summary>
    public static PebbleException Path(string operation, string path, SimulatedPebbleException error) =>
        error.Kind is { } kind && kind != PebbleErrorKinds.NoDefaultServices
            ? new PebblePathException(operation, path, kind, error.Message)
            : Api(operation, error);
}
