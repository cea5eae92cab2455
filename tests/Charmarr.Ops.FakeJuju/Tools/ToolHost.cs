using Charmarr.Ops.FakeJuju.Cli;
using Charmarr.Ops.Testing.Juju.HookTools;
using Charmarr.Ops.FakeJuju.Persistence;

namespace Charmarr.Ops.FakeJuju.Tools;

/// Runs one tool call against the state directory, the way the unit agent answers a jujuc request.
public static class ToolHost
{
    public const string StateDirVariable = "FAKE_JUJU_DIR";

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(string toolName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory, Func<string> readStdin)
    {
        var contextId = environment.GetValueOrDefault("JUJU_CONTEXT_ID") ?? "";
        if (contextId.Length == 0)
        {
            return Error(1, "JUJU_CONTEXT_ID not set");
        }
        var stateDir = environment.GetValueOrDefault(StateDirVariable) ?? "";
        if (stateDir.Length == 0)
        {
            return Error(1, StateDirVariable + " not set");
        }
        var state = new StateDirectory(stateDir);
        using var _ = state.Lock();
        string? stdinRead = null;
        var outcome = Execute(state, contextId, toolName, args, environment, workingDirectory, () => stdinRead = readStdin());
        state.AppendCall(new ToolCall(contextId, toolName, [.. args], stdinRead, outcome.ExitCode, outcome.Stdout, outcome.Stderr));
        return outcome;
    }

    private static Outcome Execute(StateDirectory state, string contextId, string toolName, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment, string workingDirectory, Func<string> readStdin)
    {
        if (state.ActiveContextId != contextId)
        {
            return Error(1, $"bad request: wrong context ID; got {HookToolException.GoQuote(contextId)}");
        }
        var model = state.LoadModel();
        var tool = ToolRegistry.Create(toolName, model.Juju);
        if (tool is null)
        {
            return Error(1, $"bad request: unknown command: {toolName}");
        }
        var context = new ToolContext(environment, workingDirectory, model, state.LoadPending(), readStdin);
        try
        {
            tool.Execute(args, context);
        }
        catch (HelpRequestedException)
        {
            return new Outcome(0, "Usage: " + tool.Usage + "\n", "");
        }
        catch (HookToolException e)
        {
            return new Outcome(e.ExitCode, context.Stdout.ToString(), context.Stderr + $"ERROR {e.Message}\n");
        }
        if (context.ModelChanged)
        {
            state.SaveModel(context.Model);
        }
        if (context.PendingChanged)
        {
            state.SavePending(context.Pending);
        }
        return new Outcome(0, context.Stdout.ToString(), context.Stderr.ToString());
    }

    private static Outcome Error(int code, string message) => new(code, "", $"ERROR {message}\n");
}
