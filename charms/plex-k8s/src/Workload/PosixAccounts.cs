using System.Globalization;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;

namespace Charmarr.PlexK8s.Workload;

/// <summary>
/// Makes sure /etc/passwd and /etc/group name PUID and PGID. Pebble looks the service's user up to set HOME and USER,
/// and the image's s6 init, which the charm bypasses, would have created the account.
/// </summary>
internal static class PosixAccounts
{
    private const string PasswdPath = "/etc/passwd";
    private const string GroupPath = "/etc/group";
    private const int Permissions = 0b110_100_100;

    /// <summary>Adds the missing entries.</summary>
    /// <param name="plex">The plex container.</param>
    /// <param name="owner">PUID and PGID.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>Whether a file changed.</returns>
    public static async Task<bool> EnsureAsync(Container plex, FileOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plex);
        ArgumentNullException.ThrowIfNull(owner);
        var groupChanged = await EnsureEntryAsync(plex, GroupPath, owner.Gid, name => $"{name}:x:{Id(owner.Gid)}:", cancellationToken);
        var userChanged = await EnsureEntryAsync(
            plex, PasswdPath, owner.Uid, name => $"{name}:x:{Id(owner.Uid)}:{Id(owner.Gid)}::{PlexWorkload.ConfigDir}:/bin/false", cancellationToken);
        return groupChanged || userChanged;
    }

    /// <summary>Adds an entry for <paramref name="id"/> to a colon-separated account file unless one has that id.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="id">The numeric id (third field).</param>
    /// <param name="entry">Makes the entry for a name not yet in the file.</param>
    /// <returns>The new text, or <see langword="null"/> when the id is there already.</returns>
    internal static string? WithEntry(string text, int id, Func<string, string> entry)
    {
        var lines = text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split(':')).ToList();
        if (lines.Any(fields => fields.Length > 2 && fields[2] == Id(id)))
        {
            return null;
        }

        var names = lines.Select(fields => fields[0]).ToHashSet(StringComparer.Ordinal);
        var name = names.Contains(PlexWorkload.AccountName) ? $"{PlexWorkload.AccountName}-{Id(id)}" : PlexWorkload.AccountName;
        var separator = text.Length == 0 || text.EndsWith('\n') ? string.Empty : "\n";
        return $"{text}{separator}{entry(name)}\n";
    }

    private static async Task<bool> EnsureEntryAsync(Container plex, string path, int id, Func<string, string> entry, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await plex.PullTextAsync(path, cancellationToken);
        }
        catch (PebblePathException e) when (e.IsNotFound)
        {
            text = string.Empty;
        }

        if (WithEntry(text, id, entry) is not { } updated)
        {
            return false;
        }

        await plex.PushTextAsync(path, updated, new PebblePushOptions { Permissions = Permissions }, cancellationToken);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
