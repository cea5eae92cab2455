namespace Charmarr.Interfaces.MediaServer;

/// <summary>What a media server (Plex, Jellyfin) publishes to request managers (charmarr-lib 0.19 shape).</summary>
public sealed record MediaServerProviderData
{
    /// <summary>The server's name; Charmarr's charms use their Juju application name (<c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The API's URL, e.g. <c>http://plex.charmarr.svc.cluster.local:32400</c> (<c>api_url</c>).</summary>
    public required string ApiUrl { get; init; }

    /// <summary>The web UI's URL for "open in" links, if different (<c>web_url</c>).</summary>
    public string? WebUrl { get; init; }

    /// <summary>Which server this is (<c>server</c>, charmarr-lib 0.19+; absent from 0.18 data).</summary>
    public MediaServerKind? Server { get; init; }

    /// <summary>The Juju secret holding the server's credentials (<c>credentials_secret_id</c>, charmarr-lib 0.19+).</summary>
    public string? CredentialsSecretId { get; init; }
}
