namespace Charmarr.Interfaces.IstioIngressRoute;

/// <summary>
/// A path rewrite. On the wire it takes Gateway API's shape, <c>{"type":"ReplacePrefixMatch","replacePrefixMatch":"/x"}</c>
/// (or <c>replaceFullPath</c>); a plain <c>{"type":...,"value":...}</c> is read too, as the Python model reads it.
/// </summary>
/// <param name="Type">How the path is rewritten.</param>
/// <param name="Value">The replacement.</param>
public sealed record PathModifier(PathModifierType Type, string Value);
