using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing;

/// <summary>What an action reported: its results, its progress messages, and its failure message if it failed.</summary>
/// <param name="Results">The results set with <c>action-set</c>; dotted keys are nested objects, values are strings.</param>
/// <param name="Logs">The messages sent with <c>action-log</c>, oldest first.</param>
/// <param name="FailureMessage">The <c>action-fail</c> message, or <see langword="null"/> when the action did not fail.</param>
public sealed record ActionResult(JsonObject Results, IReadOnlyList<string> Logs, string? FailureMessage)
{
    /// <summary>Whether the charm failed the action (<c>action-fail</c>).</summary>
    public bool Failed => FailureMessage is not null;

    /// <summary>One result by its dotted key, e.g. <c>stats.installs</c>.</summary>
    /// <param name="dottedKey">The key as the charm set it.</param>
    /// <returns>The value, or <see langword="null"/> when the charm did not set it.</returns>
    public string? Result(string dottedKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(dottedKey);
        JsonNode? node = Results;
        foreach (var part in dottedKey.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
