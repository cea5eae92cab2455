using System.Text.RegularExpressions;
using Charmarr.Interfaces.Common;
using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaManager;
using Charmarr.Interfaces.MediaServer;
using Charmarr.Interfaces.MediaStorage;

namespace Charmarr.Fuzz.Targets;

/// <summary>
/// The relation data one interface side reads (<c>WireJson.TryDeserialize&lt;T&gt;</c>, what <c>RelationInterface.Read</c>
/// calls on the remote app's <c>config</c>). Documented: never throws for bad input (it answers "not ready").
/// Properties: what it accepts serialises and reads back to the same text (round trip); accepted media-storage data is
/// usable as the charm uses it (a Kubernetes name, an absolute path, non-negative ids; issue 15 item 1).
/// </summary>
/// <typeparam name="T">The data record.</typeparam>
public sealed partial class RelationDataTarget<T> : FuzzTarget
    where T : class
{
    private readonly string name;
    private readonly IReadOnlyList<string> seeds;

    /// <summary>Creates the target.</summary>
    /// <param name="name">The target's name.</param>
    /// <param name="seeds">Golden examples.</param>
    public RelationDataTarget(string name, params IReadOnlyList<string> seeds)
    {
        this.name = name;
        this.seeds = seeds;
    }

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => [];

    /// <inheritdoc />
    public override IReadOnlyList<string> Seeds => seeds;

    /// <summary>Reads relation data as the interface does.</summary>
    /// <param name="json">The remote <c>config</c> value.</param>
    /// <param name="value">The record, when accepted.</param>
    /// <returns>Whether it was accepted.</returns>
    internal static bool TryRead(string json, out T? value) => WireJson.TryDeserialize(json, out value, out _);

    /// <summary>Writes relation data as the interface does.</summary>
    /// <param name="value">The record.</param>
    /// <returns>The JSON.</returns>
    internal static string Write(T value) => WireJson.Serialize(value);

    /// <inheritdoc />
    protected override FuzzOutcome Execute(string input)
    {
        if (!TryRead(input, out var value) || value is null)
        {
            return new FuzzOutcome(FuzzVerdict.Rejected);
        }

        var written = Write(value);
        if (!TryRead(written, out var again) || again is null)
        {
            return FuzzOutcome.Property($"accepted data does not read back after writing: {written}");
        }

        if (Write(again) != written)
        {
            return FuzzOutcome.Property($"round trip changed the data: {written} -> {Write(again)}");
        }

        return value is MediaStorageProviderData storage && Unusable(storage) is { } why
            ? FuzzOutcome.Property($"media-storage data accepted but unusable ({why}): {written}")
            : FuzzOutcome.Accepted;
    }

    private static string? Unusable(MediaStorageProviderData data) =>
        data.PvcName.Length > 253 || !KubernetesName().IsMatch(data.PvcName) ? $"pvc_name '{data.PvcName}' is not a Kubernetes name"
        : !data.MountPath.StartsWith('/') ? $"mount_path '{data.MountPath}' is not absolute"
        : data.Puid < 0 || data.Pgid < 0 ? $"puid/pgid {data.Puid}/{data.Pgid} negative"
        : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesName();
}

/// <summary>The relation-data targets of every Charmarr interface.</summary>
public static class RelationDataTargets
{
    /// <summary>One target per data record an interface side reads.</summary>
    /// <returns>The targets.</returns>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new RelationDataTarget<MediaStorageProviderData>(
            "relation-media-storage-provider",
            """{"pvc_name":"charmarr-shared-media","mount_path":"/data","puid":1000,"pgid":1000}""",
            """{"pvc_name":"charmarr-shared","storage_class":"fast","future":{"x":[1]}}""");
        yield return new RelationDataTarget<MediaStorageRequirerData>("relation-media-storage-requirer", """{"instance_name":"radarr-4k"}""");
        yield return new RelationDataTarget<MediaServerProviderData>(
            "relation-media-server-provider",
            """{"name":"plex","api_url":"http://plex.charmarr.svc.cluster.local:32400","web_url":null,"server":null,"credentials_secret_id":null}""",
            """{"name":"jellyfin","api_url":"http://jellyfin:8096","web_url":null,"server":"jellyfin","credentials_secret_id":"secret://456"}""");
        yield return new RelationDataTarget<MediaManagerProviderData>(
            "relation-media-manager-provider",
            """{"api_url":"http://radarr-4k.charmarr.svc.cluster.local:7878","api_key_secret_id":"secret:abc123","manager":"radarr","instance_name":"radarr-4k","base_path":null,"quality_profiles":[{"id":1,"name":"HD-Bluray+WEB"},{"id":2,"name":"UHD-Bluray+WEB"}],"root_folders":["/data/media/movies-uhd"],"variant":"4k"}""",
            """{"api_url":"http://sonarr:8989","api_key_secret_id":"secret:sonarr","manager":"sonarr","instance_name":"sonarr","base_path":null,"quality_profiles":[],"root_folders":["/data/media/tv"],"variant":"standard"}""");
        yield return new RelationDataTarget<MediaManagerRequirerData>("relation-media-manager-requirer", """{"requester":"overseerr","instance_name":"overseerr"}""");
        yield return new RelationDataTarget<IstioIngressRouteConfig>(
            "relation-istio-ingress-route",
            """{"model":"charmarr","listeners":[{"port":80,"protocol":"HTTP"}],"http_routes":[{"name":"plex","listener":{"port":80,"protocol":"HTTP"},"backends":[{"service":"plex","port":32400,"weight":null}],"hostnames":null,"matches":[{"headers":null,"path":{"type":"PathPrefix","value":"/"},"method":null}],"filters":null}],"grpc_routes":[]}""",
            """{"model":"m","listeners":[{"port":9090,"protocol":"GRPC"}],"http_routes":[],"grpc_routes":[{"name":"api","listener":{"port":9090,"protocol":"GRPC"},"backends":[{"service":"api","port":9090,"weight":null}],"hostnames":null,"matches":[{"headers":{"x-env":"prod"},"method":{"service":"pkg.Users","method":null}}],"filters":[{"requestRedirect":{"scheme":null,"hostname":"other","path":null,"port":8443,"statusCode":302},"type":"RequestRedirect"}]}]}""");
    }
}

/// <summary>The interfaces' wire format, for generated records.</summary>
public static class RelationDataWire
{
    /// <summary>Writes a record as an interface side publishes it.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    public static string Write<T>(T value)
        where T : class => RelationDataTarget<T>.Write(value);
}
