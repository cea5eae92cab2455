using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Interfaces.Common;

/// <summary>
/// What a record read from the wire must hold beyond its JSON shape, checked against what each field is used for:
/// the one place every interface's read-side rules live.
/// </summary>
internal static class WireValidation
{
    /// <summary>The first problem of <paramref name="value"/>, or <see langword="null"/> when it is usable.</summary>
    /// <typeparam name="T">The record's type.</typeparam>
    /// <param name="value">The record read from the wire.</param>
    /// <returns>The problem, as <c>field 'value' is not …</c>.</returns>
    public static string? Problem<T>(T value)
        where T : class => value switch
        {
            MediaStorageProviderData storage => WireChecks.First(
                WireChecks.KubernetesName(storage.PvcName, "pvc_name"),
                WireChecks.AbsolutePath(storage.MountPath, "mount_path"),
                WireChecks.UnixId(storage.Puid, "puid"),
                WireChecks.UnixId(storage.Pgid, "pgid")),
            MediaStorageRequirerData requirer => WireChecks.JujuAppName(requirer.InstanceName, "instance_name"),
            MediaServerProviderData server => WireChecks.First(
                WireChecks.Text(server.Name, "name"),
                WireChecks.HttpUrl(server.ApiUrl, "api_url"),
                server.WebUrl is { } web ? WireChecks.HttpUrl(web, "web_url") : null,
                server.CredentialsSecretId is { } secret ? WireChecks.SecretId(secret, "credentials_secret_id") : null),
            MediaManagerProviderData manager => ManagerProblem(manager),
            MediaManagerRequirerData requester => WireChecks.JujuAppName(requester.InstanceName, "instance_name"),
            IstioIngressRouteConfig routes => RoutesProblem(routes),
            _ => null,
        };

    // What istio-ingress turns into Kubernetes objects: the namespace, route and service names, host names and paths.
    private static string? RoutesProblem(IstioIngressRouteConfig config) => WireChecks.First(
        WireChecks.KubernetesLabel(config.Model, "model"),
        config.HttpRoutes.Cast<L7Route>().Concat(config.GrpcRoutes).Select(RouteProblem).FirstOrDefault(p => p is not null),
        config.HttpRoutes.SelectMany(r => r.Matches ?? []).Select(m => m.Path is { Type: not HttpPathMatchType.RegularExpression } path && !path.Value.StartsWith('/')
            ? $"http_routes path {WireChecks.Quote(path.Value)} is not a URL path (it must start with '/')"
            : null).FirstOrDefault(p => p is not null));

    private static string? RouteProblem(L7Route route) => WireChecks.First(
        WireChecks.KubernetesName(route.Name, "route name"),
        route.Backends.Select(b => WireChecks.KubernetesLabel(b.Service, "backend service")).FirstOrDefault(p => p is not null),
        (route.Hostnames ?? []).Select(h => WireChecks.Hostname(h, "hostnames entry")).FirstOrDefault(p => p is not null));

    private static string? ManagerProblem(MediaManagerProviderData manager) => WireChecks.First(
        WireChecks.HttpUrl(manager.ApiUrl, "api_url"),
        WireChecks.SecretId(manager.ApiKeySecretId, "api_key_secret_id"),
        WireChecks.JujuAppName(manager.InstanceName, "instance_name"),
        manager.BasePath is { Length: > 0 } basePath && (!basePath.StartsWith('/') || basePath.Any(char.IsControl))
            ? $"base_path {WireChecks.Quote(basePath)} is not a URL path (it must start with '/')"
            : null,
        manager.QualityProfiles.Select(p => WireChecks.Text(p.Name, "quality_profiles name")).FirstOrDefault(p => p is not null),
        manager.RootFolders.Select(f => WireChecks.AbsolutePath(f, "root_folders entry")).FirstOrDefault(p => p is not null));
}
