using System.Globalization;
using System.Text.Json;

namespace Charmarr.Ops.Pebble;

/// <summary>
/// Reads Pebble's JSON objects into the model records, tolerating what older and newer Pebbles differ in (absent
/// optional keys, null lists, unknown enum words). A missing required key throws <see cref="KeyNotFoundException"/>,
/// which the caller reports as a protocol error.
/// </summary>
internal static class PebbleJsonReader
{
    public static PebbleSystemInfo SystemInfo(JsonElement e) =>
        new(Str(e, "version"), OptStr(e, "boot-id"), OptStr(e, "http-address"));

    public static PebbleServiceInfo ServiceInfo(JsonElement e) =>
        new(Str(e, "name"), new ServiceStartup(Str(e, "startup")), new ServiceStatus(Str(e, "current")), OptTime(e, "current-since"));

    public static PebbleChange Change(JsonElement e) => new()
    {
        Id = Str(e, "id"),
        Kind = Str(e, "kind"),
        Summary = Str(e, "summary"),
        Status = Str(e, "status"),
        Tasks = Items(Property(e, "tasks")).Select(Task).ToList(),
        Ready = e.GetProperty("ready").GetBoolean(),
        Err = OptStr(e, "err"),
        SpawnTime = Time(e, "spawn-time"),
        ReadyTime = OptTime(e, "ready-time"),
        Data = RawMap(e, "data"),
    };

    public static PebbleTask Task(JsonElement e) => new()
    {
        Id = Str(e, "id"),
        Kind = Str(e, "kind"),
        Summary = Str(e, "summary"),
        Status = Str(e, "status"),
        Log = Items(Property(e, "log")).Select(l => l.GetString() ?? string.Empty).ToList(),
        Progress = Progress(e.GetProperty("progress")),
        SpawnTime = Time(e, "spawn-time"),
        ReadyTime = OptTime(e, "ready-time"),
        Data = RawMap(e, "data"),
    };

    public static PebbleCheckInfo CheckInfo(JsonElement e) => new(
        Str(e, "name"),
        new CheckLevel(OptStr(e, "level") ?? string.Empty),
        new CheckStartup(OptStr(e, "startup") ?? "enabled"),
        new CheckStatus(Str(e, "status")),
        (int)(OptLong(e, "failures") ?? 0),
        (int)e.GetProperty("threshold").GetInt64(),
        OptLong(e, "successes") is { } successes ? (int)successes : null,
        OptStr(e, "change-id"));

    public static PebbleFileInfo FileInfo(JsonElement e) => new()
    {
        Path = Str(e, "path"),
        Name = Str(e, "name"),
        Type = new PebbleFileType(Str(e, "type")),
        Size = OptLong(e, "size"),
        Permissions = Convert.ToInt32(Str(e, "permissions"), 8),
        LastModified = Time(e, "last-modified"),
        UserId = OptLong(e, "user-id"),
        User = OptStr(e, "user") ?? string.Empty,
        GroupId = OptLong(e, "group-id"),
        Group = OptStr(e, "group") ?? string.Empty,
    };

    public static PebbleNotice Notice(JsonElement e) => new()
    {
        Id = Str(e, "id"),
        UserId = OptLong(e, "user-id"),
        Type = new NoticeType(Str(e, "type")),
        Key = Str(e, "key"),
        FirstOccurred = Time(e, "first-occurred"),
        LastOccurred = Time(e, "last-occurred"),
        LastRepeated = Time(e, "last-repeated"),
        Occurrences = (int)e.GetProperty("occurrences").GetInt64(),
        LastData = StringMap(e, "last-data"),
        RepeatAfter = OptStr(e, "repeat-after") is { } repeat ? GoDuration.Parse(repeat) : null,
        ExpireAfter = OptStr(e, "expire-after") is { } expire ? GoDuration.Parse(expire) : null,
    };

    public static PebbleIdentity Identity(JsonElement e) => new(
        Str(e, "access"),
        e.TryGetProperty("local", out var local) && local.ValueKind == JsonValueKind.Object ? OptLong(local, "user-id") : null,
        e.TryGetProperty("basic", out var basic) && basic.ValueKind == JsonValueKind.Object ? OptStr(basic, "password") : null);

    public static PebbleLogEntry LogEntry(JsonElement e) =>
        new(Time(e, "time"), Str(e, "service"), Str(e, "message"));

    /// <summary>The exit code an exec change recorded in its first task; -1 when it recorded none (as ops).</summary>
    public static int ExitCode(PebbleChange change) =>
        change.Tasks.Count > 0
        && change.Tasks[0].Data.TryGetValue("exit-code", out var raw)
        && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : -1;

    /// <summary>The elements of an array result; null reads as empty (older Pebbles send null for none).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? result) =>
        result is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static JsonElement? Property(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) ? value : null;

    public static string Str(JsonElement e, string key) =>
        e.GetProperty(key).GetString() ?? throw new FormatException($"\"{key}\" is null");

    public static string? OptStr(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? OptLong(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static DateTimeOffset Time(JsonElement e, string key) => ParseTime(Str(e, key));

    private static DateTimeOffset? OptTime(JsonElement e, string key) =>
        OptStr(e, key) is { Length: > 0 } text ? ParseTime(text) : null;

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static PebbleTaskProgress Progress(JsonElement e) =>
        new(OptStr(e, "label") ?? string.Empty, (int)e.GetProperty("done").GetInt64(), (int)e.GetProperty("total").GetInt64());

    private static Dictionary<string, string> RawMap(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static Dictionary<string, string> StringMap(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
