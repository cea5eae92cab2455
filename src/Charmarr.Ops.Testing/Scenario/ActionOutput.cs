using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>The outcome of running an action: the state after it, and what the action reported.</summary>
/// <param name="State">The state after the action.</param>
/// <param name="Results">The results set with <c>action-set</c>; dotted keys are nested objects.</param>
/// <param name="Logs">The messages sent with <c>action-log</c>, oldest first.</param>
/// <param name="FailureMessage">The <c>action-fail</c> message, or <see langword="null"/> when the action did not fail.</param>
public sealed record ActionOutput(CharmState State, JsonObject Results, IReadOnlyList<string> Logs, string? FailureMessage)
{
    /// <summary>Whether the charm failed the action.</summary>
    public bool Failed => FailureMessage is not null;

    /// <summary>One result by its dotted key, e.g. <c>stats.installs</c>.</summary>
    /// <param name="dottedKey">The key as the charm set it.</param>
    /// <returns>The value, or <see langword="null"/> when the charm did not set it.</returns>
    public string? Result(string dottedKey) => new ActionResult(Results, Logs, FailureMessage).Result(dottedKey);
}
