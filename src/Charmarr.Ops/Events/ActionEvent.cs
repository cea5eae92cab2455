using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charmarr.Ops.Model;

namespace Charmarr.Ops.Events;

/// <summary>
/// An action the operator ran (<c>juju run unit/0 name</c>). Parameters come from <c>action-get</c> with the schema's
/// defaults filled in; results are flattened to Juju's dotted keys. Call <see cref="Fail"/> to fail with a readable
/// message: the dispatch still exits 0, which is how Juju shows that message. Cannot be deferred.
/// </summary>
public sealed class ActionEvent : JujuEvent
{
    private readonly CharmModel model;
    private JsonObject? parameters;

    internal ActionEvent(JujuEventSnapshot snapshot, CharmModel model)
        : base(snapshot)
    {
        this.model = model;
    }

    /// <summary>The action's id (<c>JUJU_ACTION_UUID</c>).</summary>
    public string Id => Snapshot.ActionUuid ?? "";

    /// <summary>The action name.</summary>
    public override string? Scope => Name;

    /// <summary>The parameters given, with schema defaults filled in.</summary>
    public JsonObject Parameters => parameters ??= model.Backend.GetActionParameters();

    /// <summary>Whether <see cref="Fail"/> has been called.</summary>
    public bool IsFailed => FailureMessage is not null;

    /// <summary>The message of the last <see cref="Fail"/> call, if any.</summary>
    public string? FailureMessage { get; private set; }

    internal override string DeferRefusal =>
        $"action '{Name}' cannot be deferred: the operator is waiting for its result; call Fail with what to do instead";

    /// <summary>Adds one result.</summary>
    /// <param name="key">A key whose dot-separated segments are lower-case letters, digits and hyphens.</param>
    /// <param name="value">The value.</param>
    public void SetResult(string key, string value) =>
        SetResults(new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value });

    /// <summary>Adds results; dotted keys make nested maps in Juju's output.</summary>
    /// <param name="results">The results.</param>
    public void SetResults(IReadOnlyDictionary<string, string> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count > 0)
        {
            model.Backend.SetActionResults(results);
        }
    }

    /// <summary>Adds results from a JSON object: nested objects become dotted keys, other values their JSON text (strings unquoted); nulls are skipped.</summary>
    /// <param name="results">The results.</param>
    public void SetResults(JsonObject results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(results, "", flat);
        SetResults(flat);
    }

    /// <summary>Sends a progress message the operator sees while the action runs.</summary>
    /// <param name="message">The message.</param>
    public void Log(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        model.Backend.LogAction(message);
    }

    /// <summary>Marks the action failed with a message; the handler carries on (return after calling it).</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public void Fail(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        model.Backend.FailAction(message);
        FailureMessage = message;
    }

    private static void Flatten(JsonObject obj, string prefix, Dictionary<string, string> into)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (value)
            {
                case null:
                    break;
                case JsonObject nested:
                    Flatten(nested, path, into);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    into[path] = v.GetValue<string>();
                    break;
                case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    into[path] = v.GetValueKind() == JsonValueKind.True ? "true" : "false";
                    break;
                default:
                    into[path] = value.ToJsonString();
                    break;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"action {Name} ({Id})");
}
