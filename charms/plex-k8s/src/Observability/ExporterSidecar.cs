using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Observability;

/// <summary>
/// The <c>plex-exporter</c> sidecar: axsuul/plex-media-server-exporter, serving Prometheus metrics on :9594 once Plex is
/// claimed (it needs the server's token). Unlike the Python charm, the token never enters the Pebble plan: it is pushed
/// to a 0600 file in the exporter container and read by the service's shell at start.
/// </summary>
internal static class ExporterSidecar
{
    /// <summary>The container, as declared in charmcraft.yaml.</summary>
    public const string ContainerName = "plex-exporter";

    /// <summary>The exporter's Pebble service.</summary>
    public const string ServiceName = "plex-exporter";

    /// <summary>The layer's label.</summary>
    public const string Label = "plex-exporter";

    /// <summary>The exporter's port (not opened: Prometheus scrapes the pod directly).</summary>
    public const int Port = 9594;

    /// <summary>The readiness check's name.</summary>
    public const string ReadyCheckName = "plex-exporter-ready";

    /// <summary>Where the token is pushed in the exporter container.</summary>
    public const string TokenPath = "/run/plex-exporter/token";

    /// <summary>The exporter's layer: the image's command with PLEX_TOKEN read from <see cref="TokenPath"/>, and a readiness check on /metrics.</summary>
    public static PebbleLayer Layer { get; } = new()
    {
        Summary = "plex-exporter Prometheus exporter",
        Services = new Dictionary<string, PebbleService>(StringComparer.Ordinal)
        {
            [ServiceName] = new()
            {
                Override = PebbleOverride.Replace,
                Summary = "axsuul/plex-media-server-exporter sidecar",
                Command = $"/bin/sh -c 'export PLEX_TOKEN=\"$(cat {TokenPath})\" && exec bundle exec puma -b tcp://0.0.0.0:{Port}'",
                WorkingDir = "/srv",
                Startup = ServiceStartup.Enabled,
                Environment = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["PLEX_ADDR"] = "http://localhost:32400",
                    ["PORT"] = "9594",
                },
            },
        },
        Checks = new Dictionary<string, PebbleCheck>(StringComparer.Ordinal)
        {
            [ReadyCheckName] = new()
            {
                Override = PebbleOverride.Replace,
                Level = CheckLevel.Ready,
                Http = new PebbleHttpCheck { Url = $"http://localhost:{Port}/metrics" },
                Period = TimeSpan.FromSeconds(10),
                Timeout = TimeSpan.FromSeconds(3),
                Threshold = 3,
            },
        },
    };

    /// <summary>
    /// Runs the exporter with <paramref name="token"/>: pushes the token file when it differs, adds the layer (replanning
    /// only when it changed) and restarts the exporter when the token changed under a running service.
    /// </summary>
    /// <param name="exporter">The exporter container, connectable.</param>
    /// <param name="token">Plex's online token.</param>
    /// <param name="logger">The charm's logger.</param>
    /// <returns>A task that completes when the exporter is configured.</returns>
    public static async Task EnsureRunningAsync(Container exporter, string token, ILogger logger)
    {
        var changed = await CurrentTokenAsync(exporter) != token;
        if (changed)
        {
            await exporter.PushTextAsync(TokenPath, token, new PebblePushOptions { MakeDirs = true, Permissions = Convert.ToInt32("600", 8) });
        }

        if (await exporter.EnsureLayerAsync(Label, Layer))
        {
            logger.LogInformation("Started the Plex exporter (metrics on :{Port}/metrics)", Port);
        }
        else if (changed && await exporter.GetServiceAsync(ServiceName) is { IsRunning: true })
        {
            logger.LogInformation("Plex's token changed; restarting the exporter");
            await exporter.RestartAsync(ServiceName);
        }
    }

    private static async Task<string?> CurrentTokenAsync(Container exporter)
    {
        try
        {
            return await exporter.PullTextAsync(TokenPath);
        }
        catch (PebblePathException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
