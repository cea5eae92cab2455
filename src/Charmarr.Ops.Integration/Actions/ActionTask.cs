using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Charmarr.Ops.Integration.Actions;

/// <summary>One action run on one unit, as <c>juju run --format json</c> reports it.</summary>
public sealed record ActionTask
{
    private static readonly string[] JujuKeys = ["return-code", "stdout", "stderr"];

    /// <summary>The task id (for <c>juju show-task</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The unit it ran on (<c>plex/0</c>, also when asked for <c>plex/leader</c>).</summary>
    public required string Unit { get; init; }

    /// <summary><c>completed</c>, <c>failed</c>, <c>cancelled</c>, <c>aborted</c> or <c>error</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The failure message the charm gave (<c>action-fail</c>); empty when none.</summary>
    public string Message { get; init; } = "";

    /// <summary>The results the charm set (<c>action-set</c>), without the keys Juju adds (<c>return-code</c>,
    /// <c>stdout</c>, <c>stderr</c>). Values are strings; dotted keys are nested objects.</summary>
    public JsonObject Results { get; init; } = [];

    /// <summary>The dispatch process's exit code.</summary>
    public int ReturnCode { get; init; }

    /// <summary>What the action printed on stdout.</summary>
    public string Stdout { get; init; } = "";

    /// <summary>What the action printed on stderr.</summary>
    public string Stderr { get; init; } = "";

    /// <summary>The <c>action-log</c> messages, each with Juju's timestamp.</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Whether the action completed with exit code 0 and did not call <c>action-fail</c>.</summary>
    public bool IsSuccess => Status == "completed" && ReturnCode == 0;

    /// <summary>One result by key; dots walk into nested results (<c>a.b</c>).</summary>
    /// <param name="key">The key as the charm passed it to <c>action-set</c>.</param>
    /// <returns>The value as text, or <see langword="null"/> when there is none.</returns>
    public string? GetResult(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        JsonNode? node = Results;
        foreach (var part in key.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>The results as a typed record (source-generated JSON; result values are strings).</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="typeInfo">Its source-generated type info.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The results do not fit <typeparamref name="T"/>.</exception>
    public T GetResults<T>(JsonTypeInfo<T> typeInfo) =>
        Results.Deserialize(typeInfo) ?? throw new JsonException($"the results of task {Id} read as null");

    /// <summary>Reads one task object of <c>juju run --format json</c>.</summary>
    internal static ActionTask FromJson(string unit, JsonObject task)
    {
        var results = task["results"] as JsonObject ?? [];
        var returnCode = results["return-code"];
        var copy = new JsonObject();
        foreach (var (key, value) in results)
        {
            if (!JujuKeys.Contains(key))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return new ActionTask
        {
            Id = Text(task["id"]) ?? throw new JsonException("the task has no id"),
            Unit = Text(task["unit"]) ?? unit,
            Status = Text(task["status"]) ?? throw new JsonException("the task has no status"),
            Message = Text(task["message"]) ?? "",
            Results = copy,
            ReturnCode = returnCode is null ? 0 : int.Parse(Text(returnCode) ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            Stdout = Text(results["stdout"]) ?? "",
            Stderr = Text(results["stderr"]) ?? "",
            Log = task["log"] is JsonArray log ? log.Select(Text).OfType<string>().ToList() : [],
        };
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>A summary for messages: id, unit, status, return code, message, results and log.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = $"task {Id} on {Unit}: {Status}, return code {ReturnCode}";
        if (Message.Length > 0)
        {
            text += $"\n  message: {Message}";
        }

        if (Results.Count > 0)
        {
            text += $"\n  results: {Results.ToJsonString()}";
        }

        if (Stderr.Length > 0)
        {
            text += $"\n  stderr: {Stderr.TrimEnd()}";
        }

        foreach (var line in Log)
        {
            text += $"\n  log: {line}";
        }

        return text;
    }
}
