namespace Charmarr.PlexK8s.Workload;

/// <summary>The facts about the Plex workload the charm relies on: names, paths and the port.</summary>
internal static class PlexWorkload
{
    /// <summary>The workload container, as declared in charmcraft.yaml.</summary>
    public const string ContainerName = "plex";

    /// <summary>The Pebble service that runs Plex.</summary>
    public const string ServiceName = "plex";

    /// <summary>The Pebble readiness check on Plex's /identity.</summary>
    public const string ReadyCheckName = "plex-ready";

    /// <summary>Plex's HTTP port (API and web UI).</summary>
    public const int Port = 32400;

    /// <summary>The config storage's mount point, Plex's HOME.</summary>
    public const string ConfigDir = "/config";

    /// <summary>PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR: where Plex keeps its data.</summary>
    public const string ApplicationSupportDir = "/config/Library/Application Support";

    /// <summary>Plex's settings file.</summary>
    public const string PreferencesPath = ApplicationSupportDir + "/Plex Media Server/Preferences.xml";

    /// <summary>The scratch directory Plex's codecs need; the image's s6 init would have made it.</summary>
    public const string TempDir = "/run/plex-temp";

    /// <summary>
    /// The Plex binary, quoted because the path has spaces and Pebble splits commands like a shell. The image's s6
    /// <c>/init</c> expects to be PID 1, so it cannot run as a Pebble service.
    /// </summary>
    public const string Command = "\"/usr/lib/plexmediaserver/Plex Media Server\"";

    /// <summary>The URL the readiness check probes (inside the container).</summary>
    public const string IdentityUrl = "http://localhost:32400/identity";

    /// <summary>The account name the charm gives PUID/PGID when the image has none.</summary>
    public const string AccountName = "plex";

    /// <summary>The URL other pods use for Plex: the application's Kubernetes Service.</summary>
    /// <param name="app">The application name.</param>
    /// <param name="model">The model name (the namespace).</param>
    /// <returns>The URL.</returns>
    public static string InternalUrl(string app, string model) => $"http://{app}.{model}.svc.cluster.local:{Port}";
}
