using System.Text.Json.Nodes;
using Charmarr.Ops.Backend;

namespace Charmarr.Ops.Testing.Juju;

public sealed partial class MemoryJujuBackend
{
    /// <summary>The action now running, or <see langword="null"/> when the unit runs a hook.</summary>
    public MemoryAction? Action { get; private set; }

    /// <summary>Starts an action: the action tools work until <see cref="FinishAction"/>.</summary>
    /// <param name="name">The action's name.</param>
    /// <param name="parameters">Its parameters, schema defaults included; none when <see langword="null"/>.</param>
    /// <returns>The running action, which collects results, failure and logs.</returns>
    public MemoryAction StartAction(string name, JsonObject? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // Through text, as Juju hands them over: numbers read back as JSON numbers whatever .NET type built them.
        Action = new MemoryAction(name, parameters is null ? [] : JsonNode.Parse(parameters.ToJsonString())!.AsObject());
        return Action;
    }

    /// <summary>Ends the running action.</summary>
    /// <returns>The action that ran, with what the charm reported.</returns>
    public MemoryAction FinishAction()
    {
        var action = Action ?? throw new InvalidOperationException("no action is running");
        Action = null;
        return action;
    }

    /// <inheritdoc />
    public JsonObject GetActionParameters() => (JsonObject)RunningAction("action-get").Parameters.DeepClone();

    /// <inheritdoc />
    public void SetActionResults(IReadOnlyDictionary<string, string> results)
    {
        JujuArgumentRules.CheckActionResults(results, nameof(results));
        if (results.Count == 0)
        {
            return;
        }

        var action = RunningAction("action-set");
        foreach (var (key, value) in results)
        {
            action.AddResult(key, value);
        }
    }

    /// <inheritdoc />
    public void FailAction(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RunningAction("action-fail").FailureMessage = message;
    }

    /// <inheritdoc />
    public void LogAction(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RunningAction("action-log").AddLog(message);
    }

    private MemoryAction RunningAction(string tool) => Action ?? throw Fail(tool, 1, "not running an action");
}
