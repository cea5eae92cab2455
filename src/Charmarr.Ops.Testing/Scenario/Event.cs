using System.Text.Json.Nodes;

namespace Charmarr.Ops.Testing.Scenario;

/// <summary>One Juju event to run, made by <see cref="ContextEvents"/> (<c>ctx.On</c>); it names state objects, which
/// must be in the state it runs against.</summary>
public class Event
{
    internal Event(string hookName)
    {
        HookName = hookName;
    }

    /// <summary>The hook name, e.g. <c>db-relation-changed</c> (the action name for actions).</summary>
    public string HookName { get; }

    internal string Kind { get; init; } = "";

    internal RelationBase? Relation { get; init; }

    internal int? RemoteUnitId { get; init; }

    internal int? DepartingUnitId { get; init; }

    internal ContainerState? Container { get; init; }

    internal StorageState? Storage { get; init; }

    internal SecretState? Secret { get; init; }

    internal int? SecretRevision { get; init; }

    internal string? NoticeKey { get; init; }

    internal string? CheckName { get; init; }

    /// <inheritdoc />
    public override string ToString() => HookName;
}

/// <summary>An action to run; its run gives an <see cref="ActionOutput"/>.</summary>
public sealed class ActionEvent : Event
{
    internal ActionEvent(string name, JsonObject parameters, string id)
        : base(name)
    {
        Parameters = parameters;
        Id = id;
    }

    /// <summary>The parameters as given (the schema's defaults are added when it runs).</summary>
    public JsonObject Parameters { get; }

    /// <summary>The action's id (<c>JUJU_ACTION_UUID</c>).</summary>
    public string Id { get; }
}
