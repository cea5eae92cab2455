namespace Charmarr.Ops.Context;

/// <summary>What Juju dispatched: a hook or an action.</summary>
public enum DispatchKind
{
    /// <summary>A hook (<c>hooks/&lt;name&gt;</c>).</summary>
    Hook,

    /// <summary>An action (<c>actions/&lt;name&gt;</c>).</summary>
    Action,
}
