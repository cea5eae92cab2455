namespace Charmarr.Interfaces;

/// <summary>The media managers Charmarr knows (Python <c>MediaManager</c>); on the wire as the lower-case name.</summary>
public enum MediaManagerKind
{
    /// <summary><c>radarr</c>: films.</summary>
    Radarr,

    /// <summary><c>sonarr</c>: series.</summary>
    Sonarr,

    /// <summary><c>lidarr</c>: music.</summary>
    Lidarr,

    /// <summary><c>readarr</c>: books.</summary>
    Readarr,

    /// <summary><c>whisparr</c>.</summary>
    Whisparr,
}

/// <summary>The media servers Charmarr knows (Python <c>MediaServer</c>, charmarr-lib 0.19+).</summary>
public enum MediaServerKind
{
    /// <summary><c>plex</c>.</summary>
    Plex,

    /// <summary><c>jellyfin</c>.</summary>
    Jellyfin,
}

/// <summary>The request managers Charmarr knows (Python <c>RequestManager</c>).</summary>
public enum RequestManagerKind
{
    /// <summary><c>overseerr</c>.</summary>
    Overseerr,

    /// <summary><c>seerr</c>.</summary>
    Seerr,
}

/// <summary>Which content a media manager instance handles (Python <c>ContentVariant</c>).</summary>
public enum ContentVariant
{
    /// <summary><c>standard</c>: the catch-all instance.</summary>
    Standard,

    /// <summary><c>4k</c>: ultra-high-definition (Python <c>UHD</c>).</summary>
    Uhd,

    /// <summary><c>anime</c>.</summary>
    Anime,
}

/// <summary>The indexer managers Charmarr knows (Python <c>MediaIndexer</c>).</summary>
public enum MediaIndexerKind
{
    /// <summary><c>prowlarr</c>.</summary>
    Prowlarr,
}

/// <summary>The download clients Charmarr knows (Python <c>DownloadClient</c>).</summary>
public enum DownloadClientKind
{
    /// <summary><c>qbittorrent</c>.</summary>
    Qbittorrent,

    /// <summary><c>sabnzbd</c>.</summary>
    Sabnzbd,
}

/// <summary>How a download client downloads (Python <c>DownloadClientType</c>).</summary>
public enum DownloadClientType
{
    /// <summary><c>torrent</c>.</summary>
    Torrent,

    /// <summary><c>usenet</c>.</summary>
    Usenet,
}
