namespace Charmarr.Ops.Testing.Pebble;

/// <summary>A service as <c>GET /v1/services</c> reports it.</summary>
/// <param name="Name">Service name.</param>
/// <param name="Startup"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="Current"><c>active</c>, <c>inactive</c>, <c>backoff</c> or <c>error</c>.</param>
/// <param name="CurrentSince">When the current state began; null if never started.</param>
public sealed record SimulatedServiceInfo(string Name, string Startup, string Current, DateTimeOffset? CurrentSince);

/// <summary>A health check as <c>GET /v1/checks</c> reports it.</summary>
/// <param name="Name">Check name.</param>
/// <param name="Level"><c>alive</c>, <c>ready</c> or empty.</param>
/// <param name="Startup"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="Status"><c>up</c>, <c>down</c> or <c>inactive</c>.</param>
/// <param name="Successes">Successful runs since the check (re)started.</param>
/// <param name="Failures">Consecutive failures.</param>
/// <param name="Threshold">Failures before the check is down.</param>
/// <param name="ChangeId">The running perform-check or recover-check change, null when not running.</param>
/// <param name="PrevChangeId">The previous change of this check, if any.</param>
public sealed record SimulatedCheckInfo(
    string Name,
    string Level,
    string Startup,
    string Status,
    int Successes,
    int Failures,
    int Threshold,
    string? ChangeId,
    string? PrevChangeId);

/// <summary>A log line of a service (<c>GET /v1/logs</c>).</summary>
/// <param name="Time">When it was written.</param>
/// <param name="Service">The service.</param>
/// <param name="Message">The line, without its newline.</param>
public sealed record SimulatedLogEntry(DateTimeOffset Time, string Service, string Message);

/// <summary>A named identity (<c>/v1/identities</c>).</summary>
/// <param name="Access"><c>admin</c>, <c>read</c>, <c>metrics</c> or <c>untrusted</c>.</param>
/// <param name="LocalUserId">The uid of a <c>local</c> identity.</param>
/// <param name="BasicPassword">The sha512-crypt hash of a <c>basic</c> identity.</param>
/// <param name="CertPem">The PEM of a <c>cert</c> identity.</param>
public sealed record SimulatedIdentity(string Access, uint? LocalUserId, string? BasicPassword, string? CertPem);
