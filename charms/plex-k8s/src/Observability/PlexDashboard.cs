using Charmarr.Interfaces.GrafanaDashboard;

namespace Charmarr.PlexK8s.Observability;

/// <summary>The Grafana dashboard the charm ships (src/grafana_dashboards/plex.json, embedded in the binary).</summary>
internal static class PlexDashboard
{
    /// <summary>The dashboard's path in the charm, as the Python library would find it (it names the dashboard's uid).</summary>
    public const string Path = "src/grafana_dashboards/plex.json";

    private const string ResourceName = "plex-k8s.grafana_dashboards.plex.json";

    /// <summary>The dashboard.</summary>
    /// <returns>The file.</returns>
    public static GrafanaDashboardFile Load()
    {
        using var stream = typeof(PlexDashboard).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the charm binary lacks its embedded dashboard {ResourceName}");
        using var reader = new StreamReader(stream);
        return new GrafanaDashboardFile(Path, reader.ReadToEnd());
    }
}
