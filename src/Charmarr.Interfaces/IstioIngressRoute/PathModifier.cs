namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>
/// A path rewrite. On the wire it takes Gateway API's shape, <c>{"type":"ReplacePrefixMatch","replacePrefixMatch":"/x"}</c>
/// (or <c>replaceFullPath</c>); a plain <c>{"type":...,"value":...}</c> is read too, as the Python model reads it.
/// </summary>
public sealed record PathModifier
{
    /// <summary>How the path is rewritten.</summary>
    public required PathModifierType Type { get; init; }

    /// <summary>The replacement.</summary>
    public required string Value { get; init; }
}
