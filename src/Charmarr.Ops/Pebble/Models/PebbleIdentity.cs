namespace Charmarr.Ops.Pebble;

/// <summary>A named identity Pebble authenticates (v1.15+).</summary>
/// <param name="Access">The access level: <c>admin</c>, <c>read</c>, <c>metrics</c> or <c>untrusted</c>.</param>
/// <param name="LocalUserId">The uid for a local (unix socket peer) identity.</param>
/// <param name="BasicPassword">The sha512-crypt hash for a basic-auth identity (Pebble reports it masked).</param>
public sealed record PebbleIdentity(string Access, long? LocalUserId = null, string? BasicPassword = null);
