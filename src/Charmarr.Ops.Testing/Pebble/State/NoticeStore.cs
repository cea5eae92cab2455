namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>Pebble's notices (§2.13): identity (user, type, key), occurrence and repeat-after rules, filters, waking waiters.</summary>
/// <remarks>Callers hold the simulator's lock.</remarks>
internal sealed class NoticeStore(TimeProvider time)
{
    public static readonly TimeSpan DefaultExpireAfter = TimeSpan.FromDays(7);

    private readonly Dictionary<(uint? UserId, string Type, string Key), SimulatedNotice> notices = [];
    private int lastId;
    private TaskCompletionSource repeated = NewSignal();

    /// <summary>Completes when a notice is added or repeated after this call; callers re-query and wait again.</summary>
    public Task NextRepeat => repeated.Task;

    /// <summary>Records an occurrence; returns the notice's id.</summary>
    public string Add(uint? userId, string type, string key, IReadOnlyDictionary<string, string>? data, TimeSpan? repeatAfter)
    {
        var now = time.GetUtcNow();
        var lastData = data is null ? new Dictionary<string, string>() : new Dictionary<string, string>(data);
        SimulatedNotice notice;
        var wake = true;
        if (notices.TryGetValue((userId, type, key), out var old))
        {
            var repeats = repeatAfter is null || repeatAfter == TimeSpan.Zero || now > old.LastRepeated + repeatAfter.Value;
            wake = repeats;
            notice = old with
            {
                Occurrences = old.Occurrences + 1,
                LastOccurred = now,
                LastRepeated = repeats ? now : old.LastRepeated,
                LastData = lastData,
                RepeatAfter = repeatAfter,
            };
        }
        else
        {
            lastId++;
            notice = new SimulatedNotice(
                lastId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                userId, type, key, now, now, now, 1, lastData, repeatAfter, DefaultExpireAfter);
        }

        notices[(userId, type, key)] = notice;
        if (wake)
        {
            var signal = repeated;
            repeated = NewSignal();
            signal.TrySetResult();
        }

        return notice.Id;
    }

    public SimulatedNotice? Get(string id) => Live().FirstOrDefault(n => n.Id == id);

    /// <summary>The notices matching the filter, sorted by last-repeated time; the requester is uid 0 (admin).</summary>
    public List<SimulatedNotice> Query(NoticeFilter filter) =>
        Live()
            .Where(n => filter.AllUsers || n.UserId is null || n.UserId == (filter.UserId ?? 0))
            .Where(n => filter.Types.Count == 0 || filter.Types.Contains(n.Type))
            .Where(n => filter.Keys.Count == 0 || filter.Keys.Contains(n.Key))
            .Where(n => filter.After is null || n.LastRepeated > filter.After)
            .OrderBy(n => n.LastRepeated)
            .ThenBy(n => int.Parse(n.Id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private IEnumerable<SimulatedNotice> Live()
    {
        var now = time.GetUtcNow();
        return notices.Values.Where(n => n.ExpireAfter is not { } expire || now <= n.LastRepeated + expire);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
