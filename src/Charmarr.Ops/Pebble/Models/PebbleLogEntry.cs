namespace Charmarr.Ops.Pebble;

/// <summary>One line of a service's output, as <c>GET /v1/logs</c> returns it.</summary>
/// <param name="Time">When it was written.</param>
/// <param name="Service">The service that wrote it.</param>
/// <param name="Message">The line (without its trailing newline).</param>
public sealed record PebbleLogEntry(DateTimeOffset Time, string Service, string Message);
