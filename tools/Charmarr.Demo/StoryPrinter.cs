using Charmarr.Ops.FakeJuju.Driver;

namespace Charmarr.Demo;

/// <summary>Prints a hook run: the event, the hook-tool calls it made, and the statuses after it.</summary>
internal sealed class StoryPrinter(TextWriter output)
{
    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine($"$ {text}");
    }

    public void Print(HookRunResult run)
    {
        output.WriteLine($"  ▶ {run.EventName}  (exit {run.ExitCode})");
        foreach (var call in run.Calls)
        {
            var line = $"{call.Tool} {string.Join(' ', call.Args.Select(Quote))}";
            var stdin = call.Stdin is { Length: > 0 } s ? $"  <<< {s}" : "";
            var failed = call.ExitCode == 0 ? "" : $"  ✗ exit {call.ExitCode}: {call.Stderr.Trim()}";
            output.WriteLine($"      {line}{stdin}{failed}");
        }

        var model = run.Model;
        output.WriteLine($"    unit: {model.UnitStatus.Status} \"{model.UnitStatus.Message}\"   app: {model.AppStatus.Status} \"{model.AppStatus.Message}\"");
        if (run.Action is { } action)
        {
            output.WriteLine($"    action {action.Name}: {action.Status} {action.FailMessage} results {action.Results.ToJsonString()}");
        }
    }

    private static string Quote(string arg) => arg.Length == 0 || arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
}
