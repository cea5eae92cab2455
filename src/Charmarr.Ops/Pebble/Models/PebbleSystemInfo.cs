namespace Charmarr.Ops.Pebble;

/// <summary>What <c>GET /v1/system-info</c> reports.</summary>
/// <param name="Version">Pebble's version, e.g. <c>v1.32.1</c>.</param>
/// <param name="BootId">The boot id of the host, when reported.</param>
/// <param name="HttpAddress">The TCP address Pebble also listens on (probes), when it does.</param>
public sealed record PebbleSystemInfo(string Version, string? BootId = null, string? HttpAddress = null);
