namespace Charmarr.Interfaces.GrafanaDashboard;

/// <summary>A dashboard the charm ships, as the grafana_dashboard library loads it from the charm's dashboards folder.</summary>
/// <param name="Path">The file's path relative to the charm's root, e.g. <c>src/grafana_dashboards/plex.json</c>: the
/// dashboard's id is <c>file:&lt;stem&gt;</c> and its uid is derived from the charm's name and this path, as the library does.</param>
/// <param name="Json">The dashboard's JSON (Grafana's dashboard model).</param>
public sealed record GrafanaDashboardFile(string Path, string Json);
