using Charmarr.Ops.Testing.Juju.HookTools;

namespace Charmarr.Cli.Simulation;

/// <summary>Prints a simulation: headings, each event with its hook-tool calls, and the statuses after it.</summary>
internal sealed class EventPrinter(TextWriter output)
{
    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine($"$ {text}");
    }

    public void Print(EventRun run)
    {
        output.WriteLine($"  ▶ {run.Name}  (exit {run.Outcome.ExitCode}, {run.Outcome.Elapsed.TotalMilliseconds:0} ms, {run.Calls.Count} hook-tool calls)");
        foreach (var call in run.Calls)
        {
            output.WriteLine($"      {Describe(call)}");
        }

        foreach (var request in run.KubernetesRequests)
        {
            output.WriteLine($"      kubernetes: {request.Method} {request.Path} → {request.StatusCode}");
        }

        if (run.Outcome.ExitCode != 0 && run.Outcome.Stderr.Trim() is { Length: > 0 } stderr)
        {
            output.WriteLine($"    stderr: {stderr.Replace("\n", "\n            ", StringComparison.Ordinal)}");
        }

        output.WriteLine($"    unit: {run.UnitStatus.Name} \"{run.UnitStatus.Message}\"   app: {run.AppStatus.Name} \"{run.AppStatus.Message}\"");
        if (run.Action is { } action)
        {
            var results = string.Join(", ", action.Results.Select(r => $"{r.Key}={r.Value?.ToJsonString()}"));
            var outcome = action.FailureMessage is null && run.Outcome.ExitCode == 0 ? "completed" : $"failed: {action.FailureMessage}";
            output.WriteLine($"    action {action.Name}: {outcome}; results {{{results}}}");
        }
    }

    /// <summary>A change the scenario made to the world outside the charm (a workload's file, a check's result).</summary>
    public void Note(string text) => output.WriteLine($"  · {text}");

    public void Expectation(string what, string expected, string? actual, bool matches) =>
        output.WriteLine(matches ? $"    ✓ {what} is {actual}" : $"    ✗ {what}: expected '{expected}', got '{actual}'");

    public void Summary(IReadOnlyList<HookToolCall> calls, int events, IReadOnlyList<string> failures)
    {
        output.WriteLine();
        var rejected = calls.Count(c => c.ExitCode != 0);
        output.WriteLine($"{events} events, {calls.Count} hook-tool calls ({rejected} rejected by the emulated unit agent), {failures.Count} expectation(s) failed.");
        foreach (var failure in failures)
        {
            output.WriteLine($"  ✗ {failure}");
        }
    }

    private static string Describe(HookToolCall call)
    {
        var line = $"{call.Tool} {string.Join(' ', call.Args.Select(Quote))}".TrimEnd();
        var stdin = call.Stdin is { Length: > 0 } s ? $"  <<< {Shorten(s)}" : "";
        var failed = call.ExitCode == 0 ? "" : $"  ✗ exit {call.ExitCode}: {call.Stderr.Trim()}";
        return line + stdin + failed;
    }

    private static string Quote(string arg) =>
        arg.Length == 0 || arg.Contains(' ', StringComparison.Ordinal) ? $"\"{Shorten(arg)}\"" : Shorten(arg);

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "…");
}
