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
            _ => null,
        };

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
