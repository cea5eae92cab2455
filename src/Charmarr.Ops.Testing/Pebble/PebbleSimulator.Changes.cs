using System.Text.RegularExpressions;
using Charmarr.Ops.Testing.Pebble.Json;
using Charmarr.Ops.Testing.Pebble.State;

namespace Charmarr.Ops.Testing.Pebble;

/// <summary>Changes, waiting on them, notices and identities.</summary>
public sealed partial class PebbleSimulator
{
    /// <summary>A change by id, or null.</summary>
    public SimulatedChange? GetChange(string id)
    {
        lock (Parts.Gate)
        {
            return Parts.Changes.Find(id)?.Snapshot();
        }
    }

    /// <summary>A change by id, or 404 <c>cannot find change with id "7"</c>.</summary>
    internal SimulatedChange RequireChange(string id) =>
        GetChange(id) ?? throw SimulatedPebbleException.NotFound($"cannot find change with id {GoText.Quote(id)}");

    /// <summary>The highest change id so far (0 when none): changes after it are newer.</summary>
    internal int ChangeMark
    {
        get
        {
            lock (Parts.Gate)
            {
                return Parts.Changes.All.Select(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            }
        }
    }

    /// <summary>The services changes made after <paramref name="mark"/> (a <see cref="ChangeMark"/>), oldest first.</summary>
    internal IReadOnlyList<ServiceChange> ServiceChangesAfter(int mark, string container)
    {
        lock (Parts.Gate)
        {
            return Parts.Changes.All
                .Where(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture) > mark)
                .OrderBy(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture))
                .Select(c => (Change: c, Kind: c.Kind switch
                {
                    "start" or "autostart" => ServiceChangeKind.Started,
                    "stop" => ServiceChangeKind.Stopped,
                    "restart" => ServiceChangeKind.Restarted,
                    "replan" => (ServiceChangeKind?)ServiceChangeKind.Replanned,
                    _ => null,
                }))
                .Where(c => c.Kind is not null)
                .Select(c => new ServiceChange(
                    container,
                    c.Kind!.Value,
                    DoneTasks(c.Change, "stop"),
                    DoneTasks(c.Change, "start")))
                .ToList();
        }

        static List<string> DoneTasks(ChangeEntity change, string kind) =>
            change.Tasks.Where(t => t.Kind == kind && t.Status == "Done" && t.ServiceName is not null).Select(t => t.ServiceName!).ToList();
    }

    /// <summary><c>GET /v1/changes</c>: <c>in-progress</c>, <c>ready</c> or <c>all</c>, optionally only those for a service.</summary>
    public IReadOnlyList<SimulatedChange> GetChanges(string select = "in-progress", string? service = null)
    {
        if (select is not ("in-progress" or "ready" or "all"))
        {
            throw SimulatedPebbleException.BadRequest("select should be one of: all,in-progress,ready");
        }

        lock (Parts.Gate)
        {
            return Parts.Changes.All
                .Select(c => c.Snapshot())
                .Where(c => select == "all" || c.Ready == (select == "ready"))
                .Where(c => string.IsNullOrEmpty(service) || c.ServiceNames.Contains(service))
                .ToList();
        }
    }

    /// <summary>
    /// Waits until the change is ready; after <paramref name="timeout"/> (null = forever) throws 504
    /// <c>timed out waiting for change after 4s</c>.
    /// </summary>
    public async Task<SimulatedChange> WaitChangeAsync(string id, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Task ready;
        lock (Parts.Gate)
        {
            ready = (Parts.Changes.Find(id) ?? throw SimulatedPebbleException.NotFound($"cannot find change with id {GoText.Quote(id)}"))
                .ReadySignal.Task;
        }

        try
        {
            await (timeout is { } limit ? ready.WaitAsync(Max(limit, TimeSpan.Zero), Parts.Time, cancellationToken) : ready.WaitAsync(cancellationToken))
                .ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new SimulatedPebbleException(504, $"timed out waiting for change after {GoDuration.Format(timeout!.Value)}");
        }

        return RequireChange(id);
    }

    /// <summary><c>POST /v1/changes/{id}</c> with <c>abort</c>.</summary>
    public SimulatedChange AbortChange(string id)
    {
        lock (Parts.Gate)
        {
            var change = Parts.Changes.Find(id) ?? throw SimulatedPebbleException.NotFound($"cannot find change with id {GoText.Quote(id)}");
            if (ChangeEntity.IsReadyStatus(change.Status))
            {
                throw SimulatedPebbleException.BadRequest($"cannot abort change {id} with nothing pending");
            }

            Parts.Changes.Abort(change);
            return change.Snapshot();
        }
    }

    /// <summary><c>POST /v1/notices</c>: records a custom notice occurrence for uid 0; returns its id.</summary>
    public string Notify(string key, IReadOnlyDictionary<string, string>? data = null, TimeSpan? repeatAfter = null, string type = "custom")
    {
        ArgumentNullException.ThrowIfNull(key);
        if (type != "custom")
        {
            throw SimulatedPebbleException.BadRequest($"invalid type {GoText.Quote(type)} (can only add \"custom\" notices)");
        }

        if (!NoticeKeyPattern().IsMatch(key))
        {
            throw SimulatedPebbleException.BadRequest($"invalid key {GoText.Quote(key)} (must be in \"example.com/path\" format)");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(key) > 256)
        {
            throw SimulatedPebbleException.BadRequest("key must be 256 bytes or less");
        }

        if (data is not null && data.Sum(kv => System.Text.Encoding.UTF8.GetByteCount(kv.Key) + System.Text.Encoding.UTF8.GetByteCount(kv.Value)) > 4096)
        {
            throw SimulatedPebbleException.BadRequest("total size of data must be 4096 bytes or less");
        }

        lock (Parts.Gate)
        {
            return Parts.Notices.Add(0, type, key, data, repeatAfter);
        }
    }

    /// <summary>The notices matching the filter (default: uid 0's and public ones), sorted by last-repeated time.</summary>
    public IReadOnlyList<SimulatedNotice> GetNotices(NoticeFilter? filter = null)
    {
        lock (Parts.Gate)
        {
            return Parts.Notices.Query(filter ?? new NoticeFilter());
        }
    }

    /// <summary>A notice by id, or null.</summary>
    public SimulatedNotice? GetNotice(string id)
    {
        lock (Parts.Gate)
        {
            return Parts.Notices.Get(id);
        }
    }

    /// <summary>Long-polls like <c>GET /v1/notices?timeout=…</c>: returns once something matches, or an empty list at the deadline.</summary>
    public async Task<IReadOnlyList<SimulatedNotice>> WaitNoticesAsync(NoticeFilter filter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Max(timeout, TimeSpan.Zero));
        while (true)
        {
            Task next;
            lock (Parts.Gate)
            {
                var found = Parts.Notices.Query(filter);
                if (found.Count > 0)
                {
                    return found;
                }

                next = Parts.Notices.NextRepeat;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return [];
            }
        }
    }

    /// <summary>The named identities.</summary>
    public IReadOnlyDictionary<string, SimulatedIdentity> Identities
    {
        get
        {
            lock (Parts.Gate)
            {
                return new Dictionary<string, SimulatedIdentity>(Parts.Identities.All);
            }
        }
    }

    /// <summary><c>POST /v1/identities</c>: <c>add</c>, <c>update</c>, <c>replace</c> or <c>remove</c> (null = delete).</summary>
    public void ApplyIdentities(string action, IReadOnlyDictionary<string, SimulatedIdentity?> identities)
    {
        lock (Parts.Gate)
        {
            Parts.Identities.Apply(action, identities);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+(/[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex NoticeKeyPattern();
}
