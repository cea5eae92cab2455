using Charmarr.Ops.Model;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Configuration;

/// <summary>
/// The log-level config's effect: a logging filter consulted for every line about to be written, so the level applies
/// to everything logged in a dispatch (the framework's own loggers included). The config is read when the first line
/// below <see cref="LogLevel.Error"/> is logged, not before: a dispatch that logs nothing never runs <c>config-get</c>
/// for it, and one that does reads it once (the model caches it for the dispatch).
/// </summary>
internal sealed class CharmLogLevel
{
    private Func<LogLevel>? source;
    private LogLevel? minimum;
    private bool reading;

    /// <summary>The lowest level logged: the config's once read, Debug before (or when the config is invalid).</summary>
    public LogLevel Minimum => minimum ?? LogLevel.Debug;

    /// <summary>Starts a dispatch: the level is read from <paramref name="read"/> when first needed.</summary>
    /// <param name="read">Reads the configured level; throws <see cref="InvalidConfigException"/> when it is invalid.</param>
    public void ReadFrom(Func<LogLevel> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        source = read;
        minimum = null;
    }

    /// <summary>The filter to register with the charm application's builder.</summary>
    /// <param name="level">A log call's level.</param>
    /// <returns>Whether to log it.</returns>
    public bool Allows(LogLevel level)
    {
        // error is the highest level the config offers: such a line is written whatever it says.
        if (level >= LogLevel.Error)
        {
            return true;
        }

        return level >= Resolve();
    }

    private LogLevel Resolve()
    {
        if (minimum is not null || source is not { } read || reading)
        {
            return Minimum;
        }

        reading = true;
        try
        {
            minimum = read();
        }
        catch (InvalidConfigException)
        {
            // The next reconcile blocks on it; until then the default level applies.
            minimum = LogLevel.Debug;
        }
        finally
        {
            reading = false;
        }

        return Minimum;
    }
}
