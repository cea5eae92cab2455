using System.Globalization;

namespace Charmarr.PlexK8s.Workload;

/// <summary>The numeric owner of Plex's process and files: the media storage's PUID and PGID.</summary>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The group id.</param>
internal sealed record FileOwner(int Uid, int Gid)
{
    /// <summary>The <c>uid:gid</c> form chown takes.</summary>
    public string ChownArgument => string.Create(CultureInfo.InvariantCulture, $"{Uid}:{Gid}");

    /// <inheritdoc />
    public override string ToString() => ChownArgument;
}
