namespace Charmarr.Interfaces.MediaServer;

/// <summary>What a media server (Plex, Jellyfin) publishes to request managers (charmarr-lib 0.19 shape).</summary>
/// <param name="Name">The server's name; Charmarr's charms use their Juju application name (<c>name</c>).</param>
/// <param name="ApiUrl">The API's URL, e.g. <c>http://plex.charmarr.svc.cluster.local:32400</c> (<c>api_url</c>).</param>
/// <param name="WebUrl">The web UI's URL for "open in" links, if different (<c>web_url</c>).</param>
/// <param name="Server">Which server this is (<c>server</c>, charmarr-lib 0.19+; absent from 0.18 data).</param>
/// <param name="CredentialsSecretId">The Juju secret holding the server's credentials (<c>credentials_secret_id</c>, 0.19+).</param>
public sealed record MediaServerProviderData(
    string Name,
    string ApiUrl,
    string? WebUrl = null,
    MediaServerKind? Server = null,
    string? CredentialsSecretId = null);
