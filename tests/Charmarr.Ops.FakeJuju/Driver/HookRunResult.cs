using Charmarr.Ops.FakeJuju.Model;
using Charmarr.Ops.FakeJuju.Persistence;

namespace Charmarr.Ops.FakeJuju.Driver;

/// What one dispatch run did: its exit, output, tool calls, and the model after commit or discard.
public sealed class HookRunResult
{
    public required string EventName { get; init; }
    public required string ContextId { get; init; }
    public required int ExitCode { get; init; }
    public required bool TimedOut { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required IReadOnlyList<ToolCall> Calls { get; init; }
    public required FakeModel Model { get; init; }

    /// The finished action (status, message, results, logs) for an action run; null for hooks.
    public FakeAction? Action { get; init; }

    /// True if dispatch exited 0 and the pending changes were committed.
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public IEnumerable<ToolCall> CallsTo(string tool) => Calls.Where(c => c.Tool == tool);

    public override string ToString() =>
        $"{EventName}: exit {ExitCode}{(TimedOut ? " (timed out)" : "")}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- calls\n"
        + string.Join("\n", Calls.Select(c => $"{c.Tool} {string.Join(" ", c.Args)} → {c.ExitCode} {c.Stdout.TrimEnd()} {c.Stderr.TrimEnd()}"));
}
