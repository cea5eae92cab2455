using System.Globalization;
using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing;

public sealed partial class Harness<TCharm>
{
    private int actionCounter;

    /// <summary>
    /// Runs an action as <c>juju run</c> does: the parameters are checked against the action's schema (required ones,
    /// types, enums, no undeclared ones when <c>additionalProperties: false</c>) and completed with the schema's
    /// defaults, then the action is dispatched. A charm that fails the action (<c>action-fail</c>) gives a result with
    /// <see cref="ActionResult.Failed"/>; a charm that throws raises <see cref="HookFailedException"/>.
    /// </summary>
    /// <param name="name">The action.</param>
    /// <param name="parameters">Its parameters, e.g. <c>("name", "Ada")</c>.</param>
    /// <returns>What the action reported.</returns>
    /// <exception cref="ArgumentException">The action is not declared or the parameters do not match its schema; every problem is listed.</exception>
    public Task<ActionResult> RunActionAsync(string name, params (string Key, object? Value)[] parameters) =>
        RunActionAsync(name, ToJson(parameters), CancellationToken.None);

    /// <inheritdoc cref="RunActionAsync(string, ValueTuple{string, object}[])"/>
    /// <param name="name">The action.</param>
    /// <param name="parameters">Its parameters as JSON.</param>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    public async Task<ActionResult> RunActionAsync(string name, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        var filled = ActionParamsValidator.Validate(Metadata, Backend.JujuVersion, name, parameters);
        var uuid = string.Create(CultureInfo.InvariantCulture, $"{++actionCounter}");
        Backend.StartAction(name, filled);
        Juju.MemoryAction action;
        try
        {
            await RunAsync(EventRequest.Action(name, uuid), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            action = Backend.FinishAction();
        }

        return new ActionResult((JsonObject)action.Results.DeepClone(), [.. action.Logs], action.FailureMessage);
    }

    /// <inheritdoc cref="RunActionAsync(string, ValueTuple{string, object}[])"/>
    public ActionResult RunAction(string name, params (string Key, object? Value)[] parameters) => Sync(() => RunActionAsync(name, parameters));

    private static JsonObject ToJson(IEnumerable<(string Key, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var json = new JsonObject();
        foreach (var (key, value) in parameters)
        {
            json[key] = JsonValues.From(value, $"parameter \"{key}\"");
        }

        return json;
    }
}
