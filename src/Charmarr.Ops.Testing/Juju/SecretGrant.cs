namespace Charmarr.Ops.Testing.Juju;

/// <summary>Access to a secret granted over a relation, to the remote application or to one of its units.</summary>
/// <param name="RelationId">The relation.</param>
/// <param name="Unit">The remote unit, or <see langword="null"/> for the whole remote application.</param>
public sealed record SecretGrant(int RelationId, string? Unit);
