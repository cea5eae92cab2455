namespace Charmarr.Ops.Pebble;

/// <summary>A service's state as <c>GET /v1/services</c> reports it.</summary>
/// <param name="Name">The service name.</param>
/// <param name="Startup">Whether it starts on replan.</param>
/// <param name="Current">Its current state.</param>
/// <param name="CurrentSince">When it entered that state; null if it was never started.</param>
public sealed record PebbleServiceInfo(string Name, ServiceStartup Startup, ServiceStatus Current, DateTimeOffset? CurrentSince = null)
{
    /// <summary>True when the service is starting or running.</summary>
    public bool IsRunning => Current == ServiceStatus.Active;
}
