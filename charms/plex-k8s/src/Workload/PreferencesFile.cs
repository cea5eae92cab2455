using System.Globalization;
using Charmarr.Ops.Model;
using Charmarr.Ops.Pebble;

namespace Charmarr.PlexK8s.Workload;

/// <summary>Reads and writes Plex's Preferences.xml in the plex container through Pebble.</summary>
internal static class PreferencesFile
{
    /// <summary>The largest Preferences.xml the charm reads (Plex's is a few KiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    // The file holds the server's token: readable by Plex's user only.
    private const int Permissions = 0b110_000_000;

    /// <summary>Reads the preferences.</summary>
    /// <param name="plex">The plex container.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The preferences, or <see langword="null"/> when Plex has not written them yet.</returns>
    /// <exception cref="PreferencesFormatException">The file is there but is not Plex's settings, or is larger than <see cref="MaxBytes"/>.</exception>
    /// <exception cref="PebbleException">Pebble failed, or the connection broke mid-file (<see cref="PebbleConnectionException"/>).</exception>
    public static async Task<PlexPreferences?> ReadAsync(Container plex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plex);
        byte[] bytes;
        try
        {
            bytes = await PullBytesAsync(plex, cancellationToken);
        }
        catch (PebblePathException e) when (e.IsNotFound)
        {
            return null;
        }
        catch (PebbleApiException e) when (e.StatusCode == 404)
        {
            return null;
        }

        return PlexPreferences.Parse(bytes);
    }

    /// <summary>
    /// Writes the whole document, owned by Plex's user. Pebble writes to a temporary file and renames it into place, so
    /// Plex never sees a half-written file.
    /// </summary>
    /// <param name="plex">The plex container.</param>
    /// <param name="preferences">The preferences.</param>
    /// <param name="owner">Plex's user and group.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(Container plex, PlexPreferences preferences, FileOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plex);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(owner);
        var options = new PebblePushOptions { UserId = owner.Uid, GroupId = owner.Gid, Permissions = Permissions, MakeDirs = true };
        return plex.PushBytesAsync(PlexWorkload.PreferencesPath, preferences.ToBytes(), options, cancellationToken);
    }

    /// <summary>The file's bytes, refused past <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]> PullBytesAsync(Container plex, CancellationToken cancellationToken)
    {
        await using var stream = await plex.PullAsync(PlexWorkload.PreferencesPath, cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (await ReadChunkAsync(stream, chunk, cancellationToken) is var read and > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new PreferencesFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Preferences.xml is larger than {MaxBytes / (1024 * 1024)} MiB, which is not Plex's settings; the charm leaves it untouched. Fix or remove it and restart Plex."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // The connection breaking mid-file is Pebble going away, as the reconciler and the action treat it.
    private static async Task<int> ReadChunkAsync(Stream stream, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException e)
        {
            throw new PebbleConnectionException($"the connection to Pebble broke while reading {PlexWorkload.PreferencesPath}: {e.Message}", e);
        }
    }
}
