using Charmarr.Ops.Model;
using Microsoft.Extensions.Logging;

namespace Charmarr.PlexK8s.Configuration;

/// <summary>The charm's configuration, read and checked once per dispatch.</summary>
/// <param name="HardwareTranscoding">Mount /dev/dri and run the plex container privileged.</param>
/// <param name="LogLevel">The lowest level the charm sends to juju-log.</param>
/// <param name="Timezone">Plex's TZ.</param>
/// <param name="IngressPort">The Istio gateway listener port.</param>
internal sealed record PlexConfig(bool HardwareTranscoding, LogLevel LogLevel, string Timezone, int IngressPort)
{
    private static readonly IReadOnlyDictionary<string, LogLevel> LogLevels = new Dictionary<string, LogLevel>(StringComparer.Ordinal)
    {
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
    };

    /// <summary>Reads the configuration.</summary>
    /// <param name="config">The unit's config.</param>
    /// <returns>The checked configuration.</returns>
    /// <exception cref="InvalidConfigException">A value the operator must fix; the message says how.</exception>
    public static PlexConfig Read(CharmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var logLevelText = (config.GetString("log-level") ?? "info").Trim().ToLowerInvariant();
        if (!LogLevels.TryGetValue(logLevelText, out var logLevel))
        {
            throw new InvalidConfigException(
                $"Invalid log-level '{config.GetString("log-level")}': use one of {string.Join(", ", LogLevels.Keys)} (juju config <app> log-level=info)");
        }

        var timezone = (config.GetString("timezone") ?? "").Trim();
        if (timezone.Length == 0 || timezone.Any(char.IsWhiteSpace))
        {
            throw new InvalidConfigException("Invalid timezone: set an IANA zone such as Etc/UTC or Europe/Paris (juju config <app> timezone=Etc/UTC)");
        }

        var ingressPort = config.GetInt("ingress-port") ?? 80;
        if (ingressPort is < 1 or > 65535)
        {
            throw new InvalidConfigException($"Invalid ingress-port {ingressPort}: use a port between 1 and 65535");
        }

        return new PlexConfig(config.GetBool("hardware-transcoding") ?? false, logLevel, timezone, (int)ingressPort);
    }
}
