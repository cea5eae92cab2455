namespace Charmarr.Ops.FakeJuju.Persistence;

/// One hook-tool invocation as recorded in calls.jsonl.
public sealed record ToolCall(
    string ContextId,
    string Tool,
    IReadOnlyList<string> Args,
    string? Stdin,
    int ExitCode,
    string Stdout,
    string Stderr);
