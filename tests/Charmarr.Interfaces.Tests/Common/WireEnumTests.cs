using Charmarr.Interfaces.Common;
using Charmarr.Interfaces.IstioIngressRoute;
using Charmarr.Interfaces.MediaManager;

namespace Charmarr.Interfaces.Tests.Common;

/// <summary>Enum strings exactly as charmarr-lib's <c>enums.py</c> and the istio-ingress-route library spell them.</summary>
public sealed class WireEnumTests
{
    public static TheoryData<object, string> WireStrings => new()
    {
        { MediaManagerKind.Radarr, "radarr" },
        { MediaManagerKind.Sonarr, "sonarr" },
        { MediaManagerKind.Lidarr, "lidarr" },
        { MediaManagerKind.Readarr, "readarr" },
        { MediaManagerKind.Whisparr, "whisparr" },
        { MediaServerKind.Plex, "plex" },
        { MediaServerKind.Jellyfin, "jellyfin" },
        { RequestManagerKind.Overseerr, "overseerr" },
        { RequestManagerKind.Seerr, "seerr" },
        { ContentVariant.Standard, "standard" },
        { ContentVariant.Uhd, "4k" },
        { ContentVariant.Anime, "anime" },
        { MediaIndexerKind.Prowlarr, "prowlarr" },
        { DownloadClientKind.Qbittorrent, "qbittorrent" },
        { DownloadClientKind.Sabnzbd, "sabnzbd" },
        { DownloadClientType.Torrent, "torrent" },
        { DownloadClientType.Usenet, "usenet" },
        { IngressProtocol.Http, "HTTP" },
        { IngressProtocol.Grpc, "GRPC" },
        { HttpRouteMethod.Get, "GET" },
        { HttpRouteMethod.Options, "OPTIONS" },
        { HttpPathMatchType.PathPrefix, "PathPrefix" },
        { HttpPathMatchType.RegularExpression, "RegularExpression" },
        { PathModifierType.ReplaceFullPath, "ReplaceFullPath" },
    };

    [Theory]
    [MemberData(nameof(WireStrings))]
    public void Each_member_is_written_as_the_Python_value(object member, string wire)
    {
        Assert.Equal($"\"{wire}\"", Serialize(member));
    }

    [Theory]
    [MemberData(nameof(WireStrings))]
    public void Each_Python_value_reads_back_as_its_member(object member, string wire)
    {
        Assert.Equal(member, Deserialize(member.GetType(), $"\"{wire}\""));
    }

    [Theory]
    [InlineData("\"Radarr\"")]
    [InlineData("\"RADARR\"")]
    [InlineData("0")]
    [InlineData("null")]
    [InlineData("\"jackett\"")]
    public void Other_spellings_numbers_and_null_are_invalid_as_in_pydantic(string json)
    {
        var data = $$"""{"api_url":"u","api_key_secret_id":"s","manager":{{json}},"instance_name":"i","quality_profiles":[],"root_folders":[]}""";

        Assert.False(WireJson.TryDeserialize<MediaManagerProviderData>(data, out _, out var problem));
        Assert.NotNull(problem);
    }

    private static string Serialize(object member) => member switch
    {
        MediaManagerKind m => WireJson.Serialize(m),
        MediaServerKind m => WireJson.Serialize(m),
        RequestManagerKind m => WireJson.Serialize(m),
        ContentVariant m => WireJson.Serialize(m),
        MediaIndexerKind m => WireJson.Serialize(m),
        DownloadClientKind m => WireJson.Serialize(m),
        DownloadClientType m => WireJson.Serialize(m),
        IngressProtocol m => WireJson.Serialize(m),
        HttpRouteMethod m => WireJson.Serialize(m),
        HttpPathMatchType m => WireJson.Serialize(m),
        PathModifierType m => WireJson.Serialize(m),
        _ => throw new ArgumentException(member.GetType().Name),
    };

    private static object Deserialize(Type type, string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, type, InterfacesJsonContext.Default)!;
}
