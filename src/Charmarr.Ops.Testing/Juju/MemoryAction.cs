using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Juju;

/// <summary>An action run in the in-memory model: its parameters and what the charm reported.</summary>
public sealed class MemoryAction
{
    private readonly List<string> logs = [];

    internal MemoryAction(string name, JsonObject parameters)
    {
        Name = name;
        Parameters = parameters;
    }

    /// <summary>The action's name.</summary>
    public string Name { get; }

    /// <summary>The parameters the charm reads with <c>action-get</c>, schema defaults included.</summary>
    public JsonObject Parameters { get; }

    /// <summary>The results set with <c>action-set</c>: dotted keys become nested objects, values are strings.</summary>
    public JsonObject Results { get; } = [];

    /// <summary>The last <c>action-fail</c> message, or <see langword="null"/> when the charm did not fail the action.</summary>
    public string? FailureMessage { get; internal set; }

    /// <summary>The progress messages sent with <c>action-log</c>, oldest first.</summary>
    public IReadOnlyList<string> Logs => logs;

    internal void AddLog(string message) => logs.Add(message);

    internal void AddResult(string dottedKey, string value)
    {
        var path = dottedKey.Split('.');
        var target = Results;
        foreach (var segment in path[..^1])
        {
            if (target[segment] is not JsonObject child)
            {
                child = [];
                target[segment] = child;
            }

            target = child;
        }

        target[path[^1]] = value;
    }
}
