namespace Charmarr.Ops.Testing.Pebble.State;

/// <summary>Service output lines for <c>GET /v1/logs</c>; callers hold the simulator's lock.</summary>
internal sealed class LogStore(TimeProvider time)
{
    private const int KeptLinesPerService = 2000;

    private readonly Dictionary<string, List<SimulatedLogEntry>> lines = new(StringComparer.Ordinal);
    private TaskCompletionSource written = NewSignal();

    /// <summary>Completes when a line is written after this call.</summary>
    public Task NextWrite => written.Task;

    public void Write(string service, IEnumerable<string> output)
    {
        var list = lines.TryGetValue(service, out var existing) ? existing : lines[service] = [];
        foreach (var line in output)
        {
            list.Add(new SimulatedLogEntry(time.GetUtcNow(), service, line.TrimEnd('\n')));
        }

        if (list.Count > KeptLinesPerService)
        {
            list.RemoveRange(0, list.Count - KeptLinesPerService);
        }

        var signal = written;
        written = NewSignal();
        signal.TrySetResult();
    }

    /// <summary>The last <paramref name="count"/> lines (all when negative) of the services (all when empty), oldest first.</summary>
    public List<SimulatedLogEntry> Last(IReadOnlyCollection<string> services, int count)
    {
        var selected = lines.Where(kv => services.Count == 0 || services.Contains(kv.Key))
            .SelectMany(kv => kv.Value)
            .OrderBy(e => e.Time)
            .ToList();
        return count < 0 || count >= selected.Count ? selected : selected.GetRange(selected.Count - count, count);
    }

    /// <summary>The last output lines of one service (the "most recent output" of a failed start).</summary>
    public List<string> Recent(string service, int count) =>
        Last([service], count).Select(e => e.Message).ToList();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
