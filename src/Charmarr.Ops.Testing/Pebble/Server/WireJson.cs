using System.Globalization;
using System.Text.Json.Nodes;
using Charmarr.Ops.Testing.Pebble.Json;

namespace Charmarr.Ops.Testing.Pebble.Server;

/// <summary>Pebble's JSON shapes, keys in Go struct order with Go's omitempty rules (§1.6, §2).</summary>
internal static class WireJson
{
    public static JsonObject Change(SimulatedChange change)
    {
        var json = Head(change.Id, change.Kind, change.Summary, change.Status);
        if (change.Tasks.Count > 0)
        {
            json["tasks"] = new JsonArray(change.Tasks.Select(t => (JsonNode?)Task(t)).ToArray());
        }

        json["ready"] = change.Ready;
        if (change.Err is { } err)
        {
            json["err"] = err;
        }

        json["spawn-time"] = GoText.Rfc3339Nano(change.SpawnTime);
        if (change.ReadyTime is { } ready)
        {
            json["ready-time"] = GoText.Rfc3339Nano(ready);
        }

        return json;
    }

    public static JsonObject Task(SimulatedTask task)
    {
        var json = Head(task.Id, task.Kind, task.Summary, task.Status);
        if (task.Log.Count > 0)
        {
            json["log"] = GoJson.Strings(task.Log);
        }

        json["progress"] = new JsonObject { ["label"] = "", ["done"] = task.ProgressDone, ["total"] = task.ProgressTotal };
        json["spawn-time"] = GoText.Rfc3339Nano(task.SpawnTime);
        if (task.ReadyTime is { } ready)
        {
            json["ready-time"] = GoText.Rfc3339Nano(ready);
        }

        if (task.ExitCode is { } exitCode)
        {
            json["data"] = new JsonObject { ["exit-code"] = exitCode };
        }

        return json;
    }

    // The keys changes and tasks start with.
    private static JsonObject Head(string id, string kind, string summary, string status) =>
        new() { ["id"] = id, ["kind"] = kind, ["summary"] = summary, ["status"] = status };

    public static JsonObject Service(SimulatedServiceInfo service)
    {
        var json = new JsonObject { ["name"] = service.Name, ["startup"] = service.Startup, ["current"] = service.Current };
        if (service.CurrentSince is { } since)
        {
            json["current-since"] = GoText.Rfc3339Nano(since);
        }

        return json;
    }

    public static JsonObject Check(SimulatedCheckInfo check)
    {
        var json = new JsonObject { ["name"] = check.Name };
        if (check.Level.Length > 0)
        {
            json["level"] = check.Level;
        }

        json["startup"] = check.Startup;
        json["status"] = check.Status;
        json["successes"] = check.Successes;
        if (check.Failures != 0)
        {
            json["failures"] = check.Failures;
        }

        json["threshold"] = check.Threshold;
        if (check.ChangeId is { } changeId)
        {
            json["change-id"] = changeId;
        }

        if (check.PrevChangeId is { } prev)
        {
            json["prev-change-id"] = prev;
        }

        return json;
    }

    public static JsonObject Notice(SimulatedNotice notice)
    {
        var json = new JsonObject
        {
            ["id"] = notice.Id,
            ["user-id"] = notice.UserId is { } uid ? JsonValue.Create(uid) : null,
            ["type"] = notice.Type,
            ["key"] = notice.Key,
            ["first-occurred"] = GoText.Rfc3339Nano(notice.FirstOccurred),
            ["last-occurred"] = GoText.Rfc3339Nano(notice.LastOccurred),
            ["last-repeated"] = GoText.Rfc3339Nano(notice.LastRepeated),
            ["occurrences"] = notice.Occurrences,
        };
        if (notice.LastData.Count > 0)
        {
            json["last-data"] = GoJson.SortedMap(notice.LastData, v => JsonValue.Create(v));
        }

        if (notice.RepeatAfter is { } repeat && repeat != TimeSpan.Zero)
        {
            json["repeat-after"] = GoDuration.Format(repeat);
        }

        if (notice.ExpireAfter is { } expire && expire != TimeSpan.Zero)
        {
            json["expire-after"] = GoDuration.Format(expire);
        }

        return json;
    }

    public static JsonObject FileInfo(SimulatedFileInfo file)
    {
        var json = new JsonObject { ["path"] = file.Path, ["name"] = file.Name, ["type"] = file.Type };
        if (file.Size is { } size)
        {
            json["size"] = size;
        }

        json["permissions"] = Convert.ToString(file.Permissions, 8).PadLeft(3, '0');
        json["last-modified"] = GoText.Rfc3339(file.LastModified);
        json["user-id"] = file.UserId;
        json["user"] = file.User;
        json["group-id"] = file.GroupId;
        json["group"] = file.Group;
        return json;
    }

    public static JsonObject Identity(SimulatedIdentity identity)
    {
        var json = new JsonObject { ["access"] = identity.Access };
        if (identity.LocalUserId is { } uid)
        {
            json["local"] = new JsonObject { ["user-id"] = uid };
        }

        if (identity.BasicPassword is not null)
        {
            json["basic"] = new JsonObject { ["password"] = "*****" };
        }

        if (identity.CertPem is not null)
        {
            json["cert"] = new JsonObject { ["pem"] = "*****" };
        }

        return json;
    }

    public static JsonObject LogEntry(SimulatedLogEntry entry) => new()
    {
        ["time"] = GoText.Rfc3339Nano(entry.Time),
        ["service"] = entry.Service,
        ["message"] = entry.Message,
    };

    /// <summary>A per-path file result: <c>{"path": p}</c> or with <c>error: {message, kind}</c>.</summary>
    public static JsonObject PathResult(string path, SimulatedPebbleException? error)
    {
        var json = new JsonObject { ["path"] = path };
        if (error is not null)
        {
            json["error"] = ErrorResult(error.Message, error.Kind);
        }

        return json;
    }

    public static JsonObject ErrorResult(string message, string? kind, JsonNode? value = null)
    {
        var json = new JsonObject { ["message"] = message };
        if (!string.IsNullOrEmpty(kind))
        {
            json["kind"] = kind;
        }

        if (value is not null)
        {
            json["value"] = value;
        }

        return json;
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
