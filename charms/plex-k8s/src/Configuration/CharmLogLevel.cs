using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Configuration;

/// <summary>
/// The log-level config's effect: a logging filter consulted on every log call, so the level read from config during a
/// dispatch applies to everything logged after it (the framework's own loggers included).
/// </summary>
internal sealed class CharmLogLevel
{
    /// <summary>The lowest level logged (Debug until the config has been read).</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Debug;

    /// <summary>The filter to register with the logging builder.</summary>
    /// <param name="level">A log call's level.</param>
    /// <returns>Whether to log it.</returns>
    public bool Allows(LogLevel level) => level >= Minimum;
}
